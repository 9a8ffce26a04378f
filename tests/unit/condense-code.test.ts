import { describe, expect, it } from 'vitest';
import { condenseArticle, prepareText } from '../../src/core/condense/index.js';

describe('code in an article', () => {
  it('is left out of the text line by line: braces, statements, calls and assignments, comments', () => {
    const text = [
      'The new release makes builds twice as fast.',
      '// Build the list of users and return it.',
      'fn main() {',
      'let users = vec!["Ann", "Bob"];',
      'println!("Hello, {}! Welcome back.", users[0]);',
      '}',
      '# Install the package first.',
      'Response = requests.get(url, timeout = 30)',
      'if (total >= limit && !paused) return total',
      'Upgrade today to get the faster builds.',
    ].join('\n');
    expect(prepareText({ title: '', text })).toBe('The new release makes builds twice as fast.\nUpgrade today to get the faster builds.');
  });

  it('is left out when indented in plain text, though it has fewer marks', () => {
    const text = 'The new release makes builds faster.\n\n    console.log("Total: " + total)\n    total = sum(items)\n\nUpgrade today.';
    expect(prepareText({ title: '', text })).toBe('The new release makes builds faster.\n\nUpgrade today.');
  });

  it('is not prose that has brackets, an equals sign, a semicolon or a hash in it', () => {
    const text = [
      'The ministry (in a statement on Monday) said that prices (of bread) rose by 4 percent.',
      'The formula x = 5 was on the blackboard for weeks; nobody wiped it off.',
      'Parents whose friend(s) also applied were told to wait.',
      'De gemeente krijgt meer geld voor het onderhoud van wegen en bruggen in de regio;',
      '#MeToo is about more than one case, the author writes.',
      'De regels staan in de wet (artikel 3);',
      'Walerija und Johannes sprechen über die Band. Such dir deine Stelle raus: Intro(00:00) Auftritt(02:32) Reisebericht(06:09) und am Ende Kommentare(34:50) mit Ratequiz und Fragen der Hörerinnen und Hörer.',
      '    The council met on Monday and approved the budget.',
    ].join('\n');
    expect(prepareText({ title: '', text })).toBe(text.replace('    The council', 'The council'));
  });

  it('never makes a briefing sentence', () => {
    const html =
      '<p>Rust 1.90 ships a new borrow checker that accepts more programs than before.</p>' +
      '<div class="highlight"><pre>\n# Install the new release of the compiler first.\nrustup update stable\n</pre></div>' +
      '<pre>\n// Build the list of users and return the compiler version.\nlet users = vec!["Ann"];\n</pre>' +
      '<p>The release also makes builds of large programs faster.</p>';
    const b = condenseArticle({ title: 'Rust 1.90 released', html, language: 'en' });
    expect(b.sentences.length).toBeGreaterThan(0);
    expect(b.sentences.join(' ')).not.toMatch(/Install|\/\/|#/);
  });
});
