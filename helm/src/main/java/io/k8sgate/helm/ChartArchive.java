package io.k8sgate.helm;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Unpacks a packaged chart ({@code .tgz}, as {@code helm package} and {@code helm dependency build} write it) into a
 * directory, the way Helm's loader reads it: regular files only, the first path element (the chart's folder) dropped.
 *
 * <p>Reads POSIX ustar archives with the PAX and GNU long-name extensions. Entries that would leave the target
 * (absolute paths, {@code ..}) are refused, and so are archives larger than Helm's own limits (100 MiB unpacked in
 * all, 5 MiB per file), so a hostile archive cannot fill the disk.
 */
final class ChartArchive {
    static final long MAX_TOTAL = 100L * 1024 * 1024;
    static final long MAX_FILE = 5L * 1024 * 1024;
    private static final int BLOCK = 512;

    private ChartArchive() {
    }

    /**
     * Unpacks {@code archive} into {@code target} (created if needed).
     *
     * @return the archive's top folder (the chart's name when {@code helm package} wrote it)
     * @throws IOException when the archive is broken, hostile or too large; the message says which
     */
    static String unpack(final Path archive, final Path target) throws IOException {
        Files.createDirectories(target);
        long total = 0;
        String top = "";
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archive))) {
            String longName = null;
            byte[] header = new byte[BLOCK];
            while (readBlock(in, header)) {
                if (isZero(header)) {
                    break;
                }
                long size = octal(header, 124, 12);
                byte type = header[156];
                if (type == 'x' || type == 'L') {
                    byte[] data = readData(in, size, MAX_FILE);
                    longName = type == 'L' ? cString(data, 0, data.length) : paxPath(data);
                    continue;
                }
                String name = longName != null ? longName : ustarName(header);
                longName = null;
                if (type != '0' && type != 0 && type != '7') {
                    skip(in, size);
                    continue;
                }
                if (size > MAX_FILE) {
                    throw new IOException(name + " is larger than " + MAX_FILE + " bytes");
                }
                total += size;
                if (total > MAX_TOTAL) {
                    throw new IOException("the archive unpacks to more than " + MAX_TOTAL + " bytes");
                }
                byte[] data = readData(in, size, MAX_FILE);
                if (top.isEmpty()) {
                    top = topFolder(name);
                }
                Path dest = destination(target, name);
                if (dest != null) {
                    Files.createDirectories(dest.getParent());
                    Files.write(dest, data);
                }
            }
        }
        return top;
    }

    private static String topFolder(final String name) {
        String path = name.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        int slash = path.indexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Where an entry goes: its path without the chart folder, or null for the folder itself. */
    private static @Nullable Path destination(final Path target, final String name) throws IOException {
        String path = name.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            throw new IOException("entry " + name + " has an absolute path");
        }
        int slash = path.indexOf('/');
        if (slash < 0 || slash == path.length() - 1) {
            return null;
        }
        String inside = path.substring(slash + 1);
        for (String part : inside.split("/", -1)) {
            if (part.equals("..")) {
                throw new IOException("entry " + name + " leaves the chart");
            }
        }
        Path dest = target.resolve(inside).normalize();
        if (!dest.startsWith(target)) {
            throw new IOException("entry " + name + " leaves the chart");
        }
        return dest;
    }

    private static String ustarName(final byte[] header) {
        String name = cString(header, 0, 100);
        String magic = cString(header, 257, 6);
        String prefix = magic.startsWith("ustar") ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a PAX extended header ({@code "<len> path=<value>\n"} records). */
    private static @Nullable String paxPath(final byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        int pos = 0;
        while (pos < text.length()) {
            int space = text.indexOf(' ', pos);
            if (space < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(text.substring(pos, space));
            } catch (NumberFormatException e) {
                break;
            }
            int end = Math.min(text.length(), pos + length);
            String record = text.substring(space + 1, end).stripTrailing();
            if (record.startsWith("path=")) {
                return record.substring("path=".length());
            }
            if (length <= 0) {
                break;
            }
            pos += length;
        }
        return null;
    }

    private static long octal(final byte[] header, final int offset, final int length) throws IOException {
        String text = cString(header, offset, length).trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new IOException("not a tar archive (bad size field '" + text + "')", e);
        }
    }

    private static String cString(final byte[] bytes, final int offset, final int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(final byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readBlock(final InputStream in, final byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw new EOFException("the archive ends inside an entry header");
        }
        return true;
    }

    private static byte[] readData(final InputStream in, final long size, final long limit) throws IOException {
        if (size > limit) {
            throw new IOException("an entry header is larger than " + limit + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("the archive ends inside an entry");
        }
        in.skipNBytes(padding(size));
        return data;
    }

    /** Skips an entry's data and the padding after it ({@code skipNBytes} fails at a premature end). */
    private static void skip(final InputStream in, final long size) throws IOException {
        in.skipNBytes(size + padding(size));
    }

    private static long padding(final long size) {
        return (BLOCK - size % BLOCK) % BLOCK;
    }
}
