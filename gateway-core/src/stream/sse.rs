//! Incremental parser for `text/event-stream` (server-sent events).
//!
//! [`SseParser`] follows the WHATWG HTML rules for interpreting an event
//! stream: it takes bytes as they arrive, split at any point, and hands back
//! each [`SseEvent`] as soon as the blank line that ends it has been read.
//!
//! - Lines end with LF, CRLF or CR. A CR at the end of one push followed by an
//!   LF at the start of the next is one line end.
//! - One leading UTF-8 byte order mark is skipped.
//! - Lines starting with `:` are comments. `name:value` lines are fields; one
//!   space after the colon is removed. A line without a colon is a field with
//!   an empty value. Unknown fields are ignored.
//! - `data` lines are joined with `\n`; `event` sets the event type; `id` sets
//!   the last event id (ignored if it contains NUL) that persists across
//!   events; `retry` is only accepted if it is all ASCII digits.
//! - A blank line dispatches the event. If no `data` field was seen, nothing is
//!   dispatched and the event type is reset.
//!
//! Where this parser differs from the specification, or goes further:
//!
//! - **Errors instead of replacement.** The specification decodes with
//!   replacement characters. Here, invalid UTF-8 is an error that gives the
//!   byte offset ([`SseError::InvalidUtf8`]). A character split across two
//!   pushes is not an error.
//! - **Bounded memory.** A line longer than the limit, or an event whose data
//!   would grow past it, is an error ([`SseError::EventTooLarge`]). Whatever the
//!   input, the parser holds a small multiple of the limit, besides the events
//!   that one push returns.
//! - **End of input.** The specification discards an event left unfinished at
//!   the end of the stream. [`SseParser::finish`] returns it instead, if it has
//!   data, so a caller can tell that the stream was cut off. A last line without
//!   a line end counts.
//! - **`retry` on events.** The specification does not attach the reconnection
//!   time to events. Here [`SseEvent::retry`] holds the last valid `retry` value
//!   seen since the previous event was dispatched, and
//!   [`SseParser::reconnection_time`] holds the latest value overall.
//! - **Empty values are `None`.** A missing or empty event type is `None`
//!   rather than `"message"` (see [`SseEvent::event_type`]), and an empty last
//!   event id is `None`.

use std::mem;

/// Default limit on an event's size and on any single line, in bytes: 1 MiB.
pub const DEFAULT_MAX_EVENT_BYTES: usize = 1024 * 1024;

/// A UTF-8 byte order mark.
const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// One dispatched event.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SseEvent {
    /// The event type from the last `event` field, or `None` if there was no
    /// such field or it was empty. A browser calls that type `message`.
    pub event: Option<String>,
    /// The values of the event's `data` fields joined with `\n`.
    pub data: String,
    /// The last event id when the event was dispatched. It is set by the
    /// latest `id` field in this event or any earlier one, and is `None` if
    /// none was set or an empty `id` cleared it.
    pub id: Option<String>,
    /// The last valid `retry` value, in milliseconds, seen since the previous
    /// event was dispatched. `None` if there was none.
    pub retry: Option<u64>,
}

impl SseEvent {
    /// The event type, or `"message"` if the stream did not set one.
    pub fn event_type(&self) -> &str {
        self.event.as_deref().unwrap_or("message")
    }
}

/// Why a stream could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SseError {
    /// The stream is not valid UTF-8.
    #[error("event stream is not valid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte of the invalid sequence, counted from the
        /// first byte pushed (a byte order mark counts). If a character is cut
        /// off by a line end or by the end of input, this is the offset of its
        /// first byte.
        offset: u64,
    },
    /// A line (not counting its line end), or an event's `data` (the values
    /// joined with `\n`), is longer than the limit.
    #[error("event stream line or event is larger than the limit of {limit} bytes")]
    EventTooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
}

/// How far the leading byte order mark has been matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bom {
    /// This many bytes of the input so far match the start of a BOM.
    Pending(usize),
    /// The BOM has been skipped or ruled out.
    Done,
}

/// The buffers of the event being built, plus the state that persists
/// between events.
#[derive(Debug, Default)]
struct EventBuffers {
    /// The data buffer: each `data` value followed by `\n`.
    data: String,
    /// The event type buffer.
    event_type: String,
    /// The last event id buffer. It persists across events.
    last_id: String,
    /// A valid `retry` seen since the last dispatched event.
    retry: Option<u64>,
    /// The latest valid `retry` overall.
    reconnection_time: Option<u64>,
}

impl EventBuffers {
    /// Interprets one complete line. Returns the event that a blank line dispatches.
    fn process_line(&mut self, line: &str, limit: usize) -> Result<Option<SseEvent>, SseError> {
        if line.is_empty() {
            return Ok(self.dispatch());
        }
        let (name, value) = match line.split_once(':') {
            Some((name, value)) => (name, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match name {
            "data" => {
                // `data` holds the earlier values, each with its `\n`; the
                // event as dispatched would be those plus this value.
                if self.data.len().saturating_add(value.len()) > limit {
                    return Err(SseError::EventTooLarge { limit });
                }
                self.data.push_str(value);
                self.data.push('\n');
            }
            "event" => {
                self.event_type.clear();
                self.event_type.push_str(value);
            }
            "id" if !value.contains('\0') => {
                self.last_id.clear();
                self.last_id.push_str(value);
            }
            "retry" if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
                // Only a value too large for a u64 fails here; it is ignored.
                if let Ok(ms) = value.parse::<u64>() {
                    self.retry = Some(ms);
                    self.reconnection_time = Some(ms);
                }
            }
            // A comment (the empty name: the line started with `:`), an `id`
            // with NUL, a bad `retry`, or an unknown field.
            _ => {}
        }
        Ok(None)
    }

    /// Handles a blank line: dispatches the event if it has data, and always
    /// resets the event type.
    fn dispatch(&mut self) -> Option<SseEvent> {
        if self.data.is_empty() {
            self.event_type.clear();
            return None;
        }
        Some(self.take_event())
    }

    /// Builds an event from the buffers and resets them. The last event id and
    /// the reconnection time stay.
    fn take_event(&mut self) -> SseEvent {
        let mut data = mem::take(&mut self.data);
        if data.ends_with('\n') {
            data.pop();
        }
        let event_type = mem::take(&mut self.event_type);
        SseEvent {
            event: (!event_type.is_empty()).then_some(event_type),
            data,
            id: (!self.last_id.is_empty()).then(|| self.last_id.clone()),
            retry: self.retry.take(),
        }
    }
}

/// Incremental parser: feed bytes as they arrive, in any split.
///
/// [`push`](Self::push) returns the events that the new bytes complete, and
/// [`finish`](Self::finish) handles the end of input. The same bytes give the
/// same events wherever they are split. Time is linear in the input: each byte
/// is looked at a bounded number of times, and a long event that arrives one
/// byte at a time is not scanned again on every push.
///
/// After an error the parser is poisoned: every later call returns that error
/// again. If the bytes of one push complete some events and then hit an error,
/// that push returns the events and the error comes from the next call. So the
/// events you get before the error are the same wherever the input is split.
///
/// ```
/// use gateway_core::stream::sse::SseParser;
///
/// let mut parser = SseParser::new();
/// assert!(parser.push(b"event: greeting\ndata: hel").unwrap().is_empty());
/// let events = parser.push(b"lo\r\n\r\n").unwrap();
/// assert_eq!(events[0].event.as_deref(), Some("greeting"));
/// assert_eq!(events[0].data, "hello");
/// assert_eq!(parser.finish().unwrap(), None);
/// ```
#[derive(Debug)]
pub struct SseParser {
    /// Limit on a line's length and on an event's data, in bytes.
    limit: usize,
    /// State of the leading BOM.
    bom: Bom,
    /// Offset in the input of the next byte to be split into lines.
    offset: u64,
    /// The last byte was a CR, so an LF that comes next belongs to that line end.
    pending_cr: bool,
    /// The current incomplete line, at most `limit` bytes long.
    line: Vec<u8>,
    /// Offset in the input of `line[0]`.
    line_start: u64,
    /// How many bytes at the start of `line` are known to be valid UTF-8.
    line_valid: usize,
    /// The event being built.
    buffers: EventBuffers,
    /// The first error. Once it is set, every call returns it.
    error: Option<SseError>,
}

impl Default for SseParser {
    fn default() -> Self {
        Self::new()
    }
}

impl SseParser {
    /// A parser with the default limit, [`DEFAULT_MAX_EVENT_BYTES`] (1 MiB).
    pub fn new() -> Self {
        Self::with_max_event_bytes(DEFAULT_MAX_EVENT_BYTES)
    }

    /// A parser that allows at most `limit` bytes in any line (not counting the
    /// line end) and in any event's data (the values joined with `\n`).
    pub fn with_max_event_bytes(limit: usize) -> Self {
        Self {
            limit,
            bom: Bom::Pending(0),
            offset: 0,
            pending_cr: false,
            line: Vec::new(),
            line_start: 0,
            line_valid: 0,
            buffers: EventBuffers::default(),
            error: None,
        }
    }

    /// Parses a whole stream at once: [`push`](Self::push), then
    /// [`finish`](Self::finish). An unfinished last event that has data is
    /// included at the end, as `finish` returns it.
    pub fn parse_all(bytes: &[u8]) -> Result<Vec<SseEvent>, SseError> {
        let mut parser = Self::new();
        let mut events = parser.push(bytes)?;
        events.extend(parser.finish()?);
        Ok(events)
    }

    /// The limit this parser enforces, in bytes.
    pub fn max_event_bytes(&self) -> usize {
        self.limit
    }

    /// The last event id so far: set by `id` fields and kept across events.
    /// `None` if no id was set or an empty `id` cleared it.
    pub fn last_event_id(&self) -> Option<&str> {
        (!self.buffers.last_id.is_empty()).then_some(self.buffers.last_id.as_str())
    }

    /// The reconnection time from the latest valid `retry` field, in
    /// milliseconds. This includes a `retry` in a block that dispatched no event.
    pub fn reconnection_time(&self) -> Option<u64> {
        self.buffers.reconnection_time
    }

    /// Feeds the next bytes of the stream. Returns the events they complete,
    /// in order, which may be none.
    pub fn push(&mut self, bytes: &[u8]) -> Result<Vec<SseEvent>, SseError> {
        if let Some(error) = &self.error {
            return Err(error.clone());
        }
        let mut events = Vec::new();
        match self.push_inner(bytes, &mut events) {
            Ok(()) => Ok(events),
            Err(error) => {
                self.poison(error.clone());
                if events.is_empty() { Err(error) } else { Ok(events) }
            }
        }
    }

    /// Ends the stream. If the last event was left unfinished and has data,
    /// returns it, so a caller can tell the stream was cut off. A last line
    /// without a line end counts. Otherwise returns `Ok(None)`.
    ///
    /// The specification says to discard such an event; to do that, ignore
    /// the `Some`.
    pub fn finish(mut self) -> Result<Option<SseEvent>, SseError> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        if let Bom::Pending(matched) = self.bom {
            // The input ended partway through what could have been a BOM, so
            // those bytes are part of the content after all.
            self.bom = Bom::Done;
            let mut events = Vec::new();
            self.feed(&BOM[..matched], &mut events)?;
        }
        if !self.line.is_empty() {
            let line = std::str::from_utf8(&self.line)
                .map_err(|e| SseError::InvalidUtf8 { offset: self.line_start + to_u64(e.valid_up_to()) })?;
            // A non-empty line never dispatches an event.
            self.buffers.process_line(line, self.limit)?;
        }
        if self.buffers.data.is_empty() { Ok(None) } else { Ok(Some(self.buffers.take_event())) }
    }

    /// Records the first error and frees the buffers.
    fn poison(&mut self, error: SseError) {
        self.error = Some(error);
        self.line = Vec::new();
        self.buffers.data = String::new();
        self.buffers.event_type = String::new();
    }

    /// Skips a leading BOM (which may be split across pushes), then feeds the rest.
    fn push_inner(&mut self, mut bytes: &[u8], events: &mut Vec<SseEvent>) -> Result<(), SseError> {
        if let Bom::Pending(already) = self.bom {
            let mut matched = already;
            let mut used = 0;
            while matched < BOM.len() && used < bytes.len() && bytes[used] == BOM[matched] {
                matched += 1;
                used += 1;
            }
            if matched == BOM.len() {
                self.bom = Bom::Done;
                self.offset += to_u64(BOM.len());
            } else if used == bytes.len() {
                // Every byte so far matches: wait for more before deciding.
                self.bom = Bom::Pending(matched);
                return Ok(());
            } else {
                // Not a BOM: the bytes held back are ordinary content.
                self.bom = Bom::Done;
                self.feed(&BOM[..matched], events)?;
            }
            bytes = &bytes[used..];
        }
        self.feed(bytes, events)
    }

    /// Splits `input` into lines and interprets each complete one.
    fn feed(&mut self, mut input: &[u8], events: &mut Vec<SseEvent>) -> Result<(), SseError> {
        if self.pending_cr && !input.is_empty() {
            self.pending_cr = false;
            if input[0] == b'\n' {
                input = &input[1..];
                self.offset += 1;
            }
        }
        while !input.is_empty() {
            let Some(end) = input.iter().position(|&b| b == b'\n' || b == b'\r') else {
                self.append_partial(input)?;
                self.offset += to_u64(input.len());
                break;
            };
            let content = &input[..end];
            let event = if self.line.is_empty() {
                // The whole line is in this input: use it where it is.
                let line = complete_line(content, self.offset, self.limit)?;
                self.buffers.process_line(line, self.limit)?
            } else {
                self.append_partial(content)?;
                let line = std::str::from_utf8(&self.line)
                    .map_err(|e| SseError::InvalidUtf8 { offset: self.line_start + to_u64(e.valid_up_to()) })?;
                let event = self.buffers.process_line(line, self.limit)?;
                self.line.clear();
                self.line_valid = 0;
                event
            };
            events.extend(event);
            let mut consumed = end + 1;
            if input[end] == b'\r' {
                match input.get(end + 1) {
                    Some(b'\n') => consumed += 1,
                    Some(_) => {}
                    None => self.pending_cr = true,
                }
            }
            self.offset += to_u64(consumed);
            input = &input[consumed..];
        }
        Ok(())
    }

    /// Appends bytes that start at `self.offset` to the current line. Keeps the
    /// line within the limit, and checks the new bytes' UTF-8 as far as it can.
    /// A character cut off at the end is checked once more bytes arrive.
    fn append_partial(&mut self, bytes: &[u8]) -> Result<(), SseError> {
        if bytes.is_empty() {
            return Ok(());
        }
        if self.line.is_empty() {
            self.line_start = self.offset;
            self.line_valid = 0;
        }
        let room = self.limit - self.line.len();
        let fits = bytes.len().min(room);
        self.line.extend_from_slice(&bytes[..fits]);
        self.line_valid += checked_prefix(&self.line[self.line_valid..], self.line_start + to_u64(self.line_valid))?;
        if fits < bytes.len() {
            return Err(SseError::EventTooLarge { limit: self.limit });
        }
        Ok(())
    }
}

/// Checks a complete line that starts at `offset` and returns it as text.
/// Only the first `limit` bytes of an over-long line are checked for UTF-8,
/// as the incremental path does, so the error is the same however the line
/// arrived.
fn complete_line(content: &[u8], offset: u64, limit: usize) -> Result<&str, SseError> {
    if content.len() > limit {
        checked_prefix(&content[..limit], offset)?;
        return Err(SseError::EventTooLarge { limit });
    }
    std::str::from_utf8(content).map_err(|e| SseError::InvalidUtf8 { offset: offset + to_u64(e.valid_up_to()) })
}

/// Checks `bytes` (which start at `offset`) for UTF-8 that is invalid
/// whatever follows. Returns how many leading bytes are valid; a character
/// that is cut off at the end is not counted.
fn checked_prefix(bytes: &[u8], offset: u64) -> Result<usize, SseError> {
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(bytes.len()),
        Err(e) if e.error_len().is_none() => Ok(e.valid_up_to()),
        Err(e) => Err(SseError::InvalidUtf8 { offset: offset + to_u64(e.valid_up_to()) }),
    }
}

/// A length as a `u64` offset.
fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests;
