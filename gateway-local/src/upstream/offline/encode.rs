//! Binary formats, hand-written: checksums, base64, PNG, MP3, WAV and AWS event-stream messages.

use super::content::Rng;

pub(super) fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffff_u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

pub(super) fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1_u32, 0_u32);
    for &byte in data {
        a = (a + u32::from(byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

pub(super) fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[usize::try_from((n >> shift) & 63).unwrap_or(0)]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// An 8×8 RGB PNG whose colours derive from `seed`: signature, `IHDR`, one
/// `IDAT` (zlib, one stored block, Adler-32) and `IEND`, each chunk with its CRC-32.
pub(super) fn png(seed: u64) -> Vec<u8> {
    const SIDE: u8 = 8;
    let mut rng = Rng::new(seed);
    let base = [rng.byte(), rng.byte(), rng.byte()];
    let mut scanlines = Vec::with_capacity(usize::from(SIDE) * (1 + usize::from(SIDE) * 3));
    for y in 0..SIDE {
        scanlines.push(0); // filter type: none
        for x in 0..SIDE {
            scanlines.extend([base[0].wrapping_add(x * 24), base[1].wrapping_add(y * 24), base[2] ^ ((x ^ y) * 16)]);
        }
    }
    let len = u16::try_from(scanlines.len()).unwrap_or(u16::MAX);
    let mut zlib = vec![0x78, 0x01, 0x01]; // zlib header (deflate, 32 KiB window), final stored block
    zlib.extend(len.to_le_bytes());
    zlib.extend((!len).to_le_bytes());
    zlib.extend(&scanlines);
    zlib.extend(adler32(&scanlines).to_be_bytes());
    let mut ihdr = Vec::with_capacity(13);
    ihdr.extend(u32::from(SIDE).to_be_bytes());
    ihdr.extend(u32::from(SIDE).to_be_bytes());
    ihdr.extend([8, 2, 0, 0, 0]); // 8-bit, truecolour, deflate, adaptive filtering, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [(b"IHDR", ihdr.as_slice()), (b"IDAT", zlib.as_slice()), (b"IEND", &[][..])] {
        out.extend(u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    out
}

pub(super) fn png_data_url(seed: u64) -> String {
    format!("data:image/png;base64,{}", base64(&png(seed)))
}

/// MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono) of silence; `seed`
/// sits in each frame's ancillary bytes so different inputs differ.
pub(super) fn mp3(seed: u64, frames: usize) -> Vec<u8> {
    const FRAME_LEN: usize = 417; // 144 × 128000 / 44100, no padding
    const SIDE_INFO_END: usize = 4 + 17; // header + mono side info (all zero: no main data)
    let tag = seed.to_be_bytes();
    let mut out = Vec::with_capacity(FRAME_LEN * frames.max(1));
    for _ in 0..frames.max(1) {
        let start = out.len();
        out.extend([0xff, 0xfb, 0x90, 0xc4]);
        out.resize(start + FRAME_LEN, 0);
        out[start + SIDE_INFO_END..start + SIDE_INFO_END + tag.len()].copy_from_slice(&tag);
    }
    out
}

/// Near-silent PCM samples: `(WAVE format tag, bits per sample, bytes)`.
pub(super) fn pcm(seed: u64, encoding: &str, samples: usize) -> (u16, u16, Vec<u8>) {
    let mut rng = Rng::new(seed);
    match encoding {
        "pcm_f32le" => {
            let mut data = Vec::with_capacity(samples * 4);
            for _ in 0..samples {
                let bits = u32::try_from(rng.next() >> 32).unwrap_or(0);
                let unit = f32::from_bits(0x3f80_0000 | (bits >> 9)) - 1.0;
                data.extend(((unit - 0.5) * 0.002).to_le_bytes());
            }
            (3, 32, data)
        }
        "pcm_mulaw" => (7, 8, vec![0xff; samples]),
        "pcm_alaw" => (6, 8, vec![0xd5; samples]),
        _ => {
            let mut data = Vec::with_capacity(samples * 2);
            for _ in 0..samples {
                let noise = i16::try_from(rng.below(65)).unwrap_or(32) - 32;
                data.extend(noise.to_le_bytes());
            }
            (1, 16, data)
        }
    }
}

/// A mono RIFF/WAVE file around [`pcm`] samples.
pub(super) fn wav(seed: u64, encoding: &str, sample_rate: u32, samples: usize) -> Vec<u8> {
    let (format, bits, data) = pcm(seed, encoding, samples);
    let block_align = bits / 8;
    let data_len = u32::try_from(data.len()).unwrap_or(u32::MAX);
    let mut out = Vec::with_capacity(44 + data.len());
    out.extend(b"RIFF");
    out.extend((36 + data_len).to_le_bytes());
    out.extend(b"WAVEfmt ");
    out.extend(16_u32.to_le_bytes());
    out.extend(format.to_le_bytes());
    out.extend(1_u16.to_le_bytes()); // mono
    out.extend(sample_rate.to_le_bytes());
    out.extend((sample_rate * u32::from(block_align)).to_le_bytes());
    out.extend(block_align.to_le_bytes());
    out.extend(bits.to_le_bytes());
    out.extend(b"data");
    out.extend(data_len.to_le_bytes());
    out.extend(data);
    out
}

/// One AWS event-stream message (`application/vnd.amazon.eventstream`):
/// prelude + prelude CRC, string headers, payload, message CRC.
pub(crate) fn eventstream_message(event_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut headers = Vec::new();
    for (name, value) in
        [(":event-type", event_type), (":content-type", "application/json"), (":message-type", "event")]
    {
        headers.push(u8::try_from(name.len()).unwrap_or(u8::MAX));
        headers.extend(name.as_bytes());
        headers.push(7); // string
        headers.extend(u16::try_from(value.len()).unwrap_or(u16::MAX).to_be_bytes());
        headers.extend(value.as_bytes());
    }
    let total = 12 + headers.len() + payload.len() + 4;
    let mut out = Vec::with_capacity(total);
    out.extend(u32::try_from(total).unwrap_or(u32::MAX).to_be_bytes());
    out.extend(u32::try_from(headers.len()).unwrap_or(u32::MAX).to_be_bytes());
    let prelude_crc = crc32(&out);
    out.extend(prelude_crc.to_be_bytes());
    out.extend(headers);
    out.extend(payload);
    let crc = crc32(&out);
    out.extend(crc.to_be_bytes());
    out
}

/// A baseline JPEG of one 8×8 mid-grey block: quantisation tables of ones,
/// one-code Huffman tables (DC difference 0, AC end-of-block), and two bits of
/// scan data. Fixed, not seeded: the smallest JPEG decoders accept.
pub(super) fn jpeg() -> Vec<u8> {
    let mut out = vec![0xff, 0xd8]; // SOI
    out.extend([0xff, 0xdb, 0x00, 0x43, 0x00]); // DQT, table 0
    out.extend([1_u8; 64]);
    out.extend([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x08, 0x00, 0x08, 0x01, 0x01, 0x11, 0x00]); // SOF0: 8×8, grey
    for class in [0x00, 0x10] {
        // DHT: one code of length 1 for symbol 0 (DC table 0, then AC table 0).
        out.extend([0xff, 0xc4, 0x00, 0x14, class, 0x01]);
        out.extend([0_u8; 15]);
        out.push(0x00);
    }
    out.extend([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]); // SOS
    out.push(0x3f); // DC "0", AC EOB "0", padded with ones
    out.extend([0xff, 0xd9]); // EOI
    out
}
