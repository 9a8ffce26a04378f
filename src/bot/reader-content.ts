/**
 * What a reader sends that is no text: a sticker, photo, voice or video message, file, poll,
 * location... Named one by one rather than "anything without text", so that a service message
 * (a pin, a new member, an auto-delete timer, a payment) and whatever Telegram adds later is
 * never answered as if the reader had said something.
 */
const READER_CONTENT = [
  'sticker', 'photo', 'animation', 'video', 'video_note', 'voice', 'audio', 'document', 'paid_media',
  'story', 'contact', 'location', 'venue', 'poll', 'dice', 'game',
] as const;

/** Whether a message without text is something the reader sent us (READER_CONTENT), which deserves an answer in a private chat. */
export function isReaderContent(message: object): boolean {
  return READER_CONTENT.some((field) => field in message);
}
