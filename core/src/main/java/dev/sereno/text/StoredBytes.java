package dev.sereno.text;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * What the files stored at build time ({@link ListStore}'s lists, {@link FormsFile}'s forms) share: strings written
 * as their UTF-8 length and bytes, and a CRC-32 of the whole file at its end, so that a damaged file is never read.
 */
final class StoredBytes {
    private StoredBytes() {
    }

    /** {@code content} followed by its CRC-32. */
    static byte[] sealed(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return ByteBuffer.allocate(content.length + 4).put(content).putInt((int) crc.getValue()).array();
    }

    /** Whether {@code bytes} end with the CRC-32 of what comes before it. */
    static boolean whole(byte[] bytes) {
        if (bytes.length < 4) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        return (int) crc.getValue() == ByteBuffer.wrap(bytes).getInt(bytes.length - 4);
    }

    static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readString(ByteBuffer in) {
        int length = in.getInt();
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
