import { describe, expect, it } from 'vitest';
import { SETTING_NAMES } from '../../src/config.js';
import { warnMisspelledSettings } from '../../src/misspelled-settings.js';

/** What a shell, npm, CI, Docker and Kubernetes put in a process's environment: none of it is ours. */
const UNRELATED = [
  'PATH', 'HOME', 'USER', 'USERNAME', 'LOGNAME', 'SHELL', 'TERM', 'PWD', 'OLDPWD', 'SHLVL', '_', 'PS1', 'MAIL',
  'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'TZ', 'TIMEZONE', 'HOST', 'HOSTNAME', 'HOSTTYPE', 'OSTYPE', 'EDITOR',
  'PAGER', 'LESS', 'LS_COLORS', 'DISPLAY', 'TMPDIR', 'COLUMNS', 'LINES', 'HISTSIZE', 'HISTFILE', 'COLORTERM',
  'TERM_PROGRAM', 'XDG_RUNTIME_DIR', 'XDG_DATA_DIRS', 'XDG_CONFIG_HOME', 'XDG_SESSION_TYPE', 'SSH_AUTH_SOCK',
  'SSH_CLIENT', 'SSH_TTY', 'SUDO_USER', 'MANPATH', 'LD_LIBRARY_PATH', 'JAVA_HOME', 'GOPATH', 'PYTHONPATH',
  'VIRTUAL_ENV', 'NODE_OPTIONS', 'NODE_ENV', 'NODE_PATH', 'NODE_EXTRA_CA_CERTS', 'DEBUG', 'FORCE_COLOR', 'NO_COLOR',
  'npm_config_cache', 'npm_config_user_agent', 'npm_config_prefix', 'npm_config_loglevel', 'npm_package_name',
  'npm_package_version', 'npm_lifecycle_event', 'npm_lifecycle_script', 'npm_node_execpath', 'npm_execpath',
  'INIT_CWD', 'CI', 'GITHUB_ACTIONS', 'GITHUB_TOKEN', 'GH_TOKEN', 'NPM_TOKEN', 'RUNNER_TEMP', 'HTTP_PROXY',
  'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy', 'DOCKER_HOST', 'KUBERNETES_SERVICE_HOST',
  'KUBERNETES_SERVICE_PORT', 'KUBERNETES_PORT', 'KUBERNETES_PORT_443_TCP_PORT', 'APP_PORT', 'SERVER_PORT',
  'DATABASE_URL', 'REDIS_URL', 'LOG_DIR', 'VITEST', 'VITEST_POOL_ID', 'UPDATE_GOLDEN', 'BENCH_LATENCY_MS',
  'BENCH_IN_FLIGHT', 'BENCH_LIMIT', 'BENCH_CHATS',
];

describe('warnMisspelledSettings', () => {
  it('names the setting a misspelled variable was meant to be', () => {
    expect(warnMisspelledSettings(['DIGEST_TIME', 'BRIEF_MAX_WORD', 'FETCH_TIMEOUT', 'BOT_TOKE'])).toEqual([
      'DIGEST_TIME is not a newsbrief setting (did you mean DEFAULT_DIGEST_TIME?)',
      'BRIEF_MAX_WORD is not a newsbrief setting (did you mean BRIEF_MAX_WORDS?)',
      'FETCH_TIMEOUT is not a newsbrief setting (did you mean FETCH_TIMEOUT_MS?)',
      'BOT_TOKE is not a newsbrief setting (did you mean BOT_TOKEN?)',
    ]);
  });

  it('takes a setting in the wrong case, behind a NEWSBRIEF_ prefix, or two letters off', () => {
    expect(warnMisspelledSettings(['log_level', 'NEWSBRIEF_BOT_TOKEN', 'FEED_FILE', 'RETENTON_DAY', 'PORTS'])).toEqual([
      'log_level is not a newsbrief setting (did you mean LOG_LEVEL?)',
      'NEWSBRIEF_BOT_TOKEN is not a newsbrief setting (did you mean BOT_TOKEN?)',
      'FEED_FILE is not a newsbrief setting (did you mean FEEDS_FILE?)',
      'RETENTON_DAY is not a newsbrief setting (did you mean RETENTION_DAYS?)',
      'PORTS is not a newsbrief setting (did you mean PORT?)',
    ]);
  });

  it('names BOT_TOKEN for the names other Telegram bots give their token', () => {
    // Without BOT_TOKEN the bot only polls, so a token under another bot's name must not go unremarked.
    expect(warnMisspelledSettings(['TELEGRAM_BOT_TOKEN', 'telegram_token', 'TG_BOT_TOKEN', 'TG_TOKEN'])).toEqual([
      'TELEGRAM_BOT_TOKEN is not a newsbrief setting (did you mean BOT_TOKEN?)',
      'telegram_token is not a newsbrief setting (did you mean BOT_TOKEN?)',
      'TG_BOT_TOKEN is not a newsbrief setting (did you mean BOT_TOKEN?)',
      'TG_TOKEN is not a newsbrief setting (did you mean BOT_TOKEN?)',
    ]);
  });

  it('says nothing about the settings themselves', () => {
    expect(warnMisspelledSettings(SETTING_NAMES)).toEqual([]);
  });

  it('says nothing about the variables a shell, npm, CI or a container sets for other programs', () => {
    expect(warnMisspelledSettings(UNRELATED)).toEqual([]);
  });

  it('offers every setting that is equally close rather than pick one', () => {
    expect(warnMisspelledSettings(['ABC_DEF'], ['ABC_DEX', 'ABC_DEY'])).toEqual(['ABC_DEF is not a newsbrief setting (did you mean ABC_DEX or ABC_DEY?)']);
  });
});
