package dev.sereno.json;

import dev.sereno.situation.InvalidSituationException;
import dev.sereno.situation.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns input bytes into text the one way every path does (a file, standard input, a JSON Lines line, an HTTP
 * body): strict UTF-8. A UTF-8 byte order mark is skipped; UTF-16 and UTF-32 (with a byte order mark, or with the
 * zero bytes between characters that betray them) are refused saying so; any other invalid byte is refused naming
 * its offset. Each refusal is an {@link InvalidSituationException} with one problem, like any other bad input.
 */
public final class Utf8 {
    private Utf8() {
    }

    /**
     * The text of {@code bytes}.
     *
     * @param what how the problem names the input, e.g. {@code "the body"}, {@code "situation.json"}, {@code "line 7"}
     * @throws InvalidSituationException when the bytes are not UTF-8
     */
    public static String decode(byte[] bytes, String what) {
        return decode(bytes, 0, bytes.length, what);
    }

    /** The text of {@code length} bytes from {@code offset}; offsets in problems count from {@code offset}. */
    public static String decode(byte[] bytes, int offset, int length, String what) {
        String other = otherEncoding(bytes, offset, length);
        if (other != null) {
            throw problem(what + " looks like " + other + "; it must be UTF-8 (save or send it as UTF-8)");
        }
        int start = offset;
        if (length >= 3 && (bytes[offset] & 0xFF) == 0xEF && (bytes[offset + 1] & 0xFF) == 0xBB
                && (bytes[offset + 2] & 0xFF) == 0xBF) {
            start += 3; // a UTF-8 byte order mark says nothing a UTF-8 reader needs
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, offset + length - start);
        CharBuffer out = CharBuffer.allocate(offset + length - start);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw problem(what + " is not valid UTF-8 at byte offset " + (in.position() - offset)
                    + "; it must be UTF-8 (save or send it as UTF-8)");
        }
        return out.flip().toString();
    }

    /**
     * "UTF-16 (…)" or "UTF-32 (…)" when the bytes start the way those encodings do, else null. JSON text starts with
     * an ASCII character, so a zero byte among the first two is never UTF-8 JSON.
     */
    public static String otherEncoding(byte[] b, int offset, int length) {
        int b0 = length > 0 ? b[offset] & 0xFF : -1;
        int b1 = length > 1 ? b[offset + 1] & 0xFF : -1;
        int b2 = length > 2 ? b[offset + 2] & 0xFF : -1;
        int b3 = length > 3 ? b[offset + 3] & 0xFF : -1;
        if ((b0 == 0 && b1 == 0 && b2 == 0xFE && b3 == 0xFF) || (b0 == 0xFF && b1 == 0xFE && b2 == 0 && b3 == 0)) {
            return "UTF-32 (it starts with a UTF-32 byte order mark)";
        }
        if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
            return "UTF-16 (it starts with a UTF-16 byte order mark)";
        }
        if (length >= 4 && ((b0 == 0 && b1 == 0) || (b1 == 0 && b2 == 0 && b3 == 0))) {
            return "UTF-32 (it has zero bytes between its characters)";
        }
        if (b0 == 0 || b1 == 0) {
            return "UTF-16 (it has zero bytes between its characters)";
        }
        return null;
    }

    private static InvalidSituationException problem(String message) {
        return new InvalidSituationException(List.of(new Problem("", message)));
    }
}
