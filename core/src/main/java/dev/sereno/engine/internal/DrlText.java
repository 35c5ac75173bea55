package dev.sereno.engine.internal;

/**
 * A DRL file with its comments and string literals blanked out (same length, newlines kept), so that checks look
 * only at code and report positions that are true in the file the author wrote. Internal API.
 */
public final class DrlText {
    /** The file as the author wrote it. */
    public final String original;
    /** The same, comments and string literals blanked: where names in code are looked for. */
    public final String code;
    private final int[] lineStarts;

    public DrlText(String original) {
        this.original = original;
        this.code = blank(original);
        int lines = 1;
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        int l = 1;
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                lineStarts[l++] = i + 1;
            }
        }
    }

    /** 1-based line of an offset. */
    public int line(int offset) {
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of an offset. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Offset where a 1-based line starts; the end of the text past the last line. */
    int offsetOfLine(int line) {
        return line < 1 ? 0 : line > lineStarts.length ? original.length() : lineStarts[line - 1];
    }

    /** Offset of the end of the line holding {@code offset} (its newline, or the end of the text). */
    int endOfLine(int offset) {
        int nl = original.indexOf('\n', offset);
        return nl < 0 ? original.length() : nl;
    }

    String position(String file, int offset) {
        return file + ":" + line(offset) + ":" + column(offset);
    }

    private static String blank(String s) {
        StringBuilder out = new StringBuilder(s);
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                while (i < n && !(s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/')) {
                    if (s.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                for (int k = 0; k < 2 && i < n; k++) {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '"' || c == '\'') {
                // keep the quotes so that rule names and codes still read as strings; blank what is inside
                i++;
                while (i < n && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        out.setCharAt(i++, ' ');
                    }
                    out.setCharAt(i++, ' ');
                }
                i++;
            } else {
                i++;
            }
        }
        return out.toString();
    }
}
