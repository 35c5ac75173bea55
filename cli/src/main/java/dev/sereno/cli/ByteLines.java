package dev.sereno.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream, each kept whole only up to a limit: a longer line is counted to its end but never
 * held, so a line of any size costs at most the limit in memory. Lines end at {@code \n}; a {@code \r} before it is
 * dropped. Not thread-safe.
 */
final class ByteLines {
    /** One line: its bytes, or null when it was longer than the limit; its length in bytes either way. */
    record Line(byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int maxLine;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private byte[] line = new byte[256];

    ByteLines(InputStream in, int maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /**
     * The first bytes of the stream, without consuming them: fewer when the stream ends, or when a whole line has
     * come (a host waiting for the answer to a short line sends no more).
     */
    byte[] peek(int n) throws IOException {
        while (end - pos < n && !eof && indexOf((byte) '\n', pos, end) < 0) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                end -= pos;
                pos = 0;
            }
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                eof = true;
            } else {
                end += r;
            }
        }
        return Arrays.copyOfRange(buf, pos, pos + Math.min(n, end - pos));
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        int kept = 0;
        long length = 0;
        boolean any = false;
        while (true) {
            if (pos == end) {
                if (eof || !fill()) {
                    if (!any) {
                        return null;
                    }
                    return finish(kept, length);
                }
            }
            any = true;
            int nl = indexOf((byte) '\n', pos, end);
            int stop = nl < 0 ? end : nl;
            int n = stop - pos;
            if (length + n <= maxLine + 1L) { // one more than the limit, for a \r before the \n
                if (kept + n > line.length) {
                    line = Arrays.copyOf(line, (int) Math.min(Math.max(line.length * 2L, kept + n), maxLine + 1L));
                }
                System.arraycopy(buf, pos, line, kept, n);
                kept += n;
            }
            length += n;
            pos = stop;
            if (nl >= 0) {
                pos++;
                return finish(kept, length);
            }
        }
    }

    private Line finish(int kept, long length) {
        boolean whole = kept == length;
        if (whole && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            length--;
        }
        if (!whole || length > maxLine) {
            return new Line(null, length);
        }
        return new Line(Arrays.copyOf(line, kept), length);
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = r;
        return true;
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
