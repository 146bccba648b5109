package io.tessera.crm.importer.internal;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings (the texts its cells point to), spooled to a temporary file. POI's
 * {@code ReadOnlySharedStringsTable} keeps them all in the heap: for a sheet of 1,000,000 contacts, 2.7 million
 * strings, 390 MB, 24–50 s to load, and once for each pass over the file. Here only their offsets stay in memory (4
 * bytes a string), a cell's text is read from the mapped file when the sheet asks for it, and one spool serves every
 * pass.
 * Phonetic runs ({@code rPh}) are left out, as POI leaves them out by default.
 */
final class SpooledStrings extends DefaultHandler implements SharedStrings, Closeable {
    private final Path file;
    /** Where string i starts in the file; {@code offsets[i + 1]} is where it ends. */
    private int[] offsets = new int[1 << 12];
    private int unique;
    private int count;
    private OutputStream out;
    private final StringBuilder text = new StringBuilder();
    private boolean inText;
    private boolean inPhonetic;
    private MappedByteBuffer map;

    private SpooledStrings(Path file) {
        this.file = file;
    }

    /**
     * Spools the package's shared strings (none when it has no such part) into a new temporary file: the server's
     * temporary directory, not the file's own, which the console may name anywhere.
     */
    static SpooledStrings of(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
        SpooledStrings strings = new SpooledStrings(Files.createTempFile("shared-strings", ".spool"));
        try {
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(strings.file), 1 << 16)) {
                strings.out = o;
                if (!parts.isEmpty()) {
                    try (InputStream in = parts.get(0).getInputStream()) {
                        XMLReader xml = XMLHelper.newXMLReader();
                        xml.setContentHandler(strings);
                        xml.parse(new InputSource(in));
                    }
                }
            } finally {
                strings.out = null;
            }
            try (FileChannel channel = FileChannel.open(strings.file, StandardOpenOption.READ)) {
                strings.map = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            }
            return strings;
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            strings.close();
            throw e;
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "sst" -> {
                String c = attributes.getValue("count");
                count = c == null ? 0 : Integer.parseInt(c);
            }
            case "si" -> text.setLength(0);
            case "t" -> inText = !inPhonetic;
            case "rPh" -> inPhonetic = true;
            default -> {
                // formatting of a run: its text is in its "t"
            }
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            case "si" -> spool();
            default -> {
                // nothing to close
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText) {
            text.append(ch, start, length);
        }
    }

    private void spool() throws SAXException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        if (unique + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        long end = (long) offsets[unique] + bytes.length;
        if (end > Integer.MAX_VALUE) {
            throw new SAXException("the workbook's texts take more than 2 GB");
        }
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new SAXException(e);
        }
        offsets[++unique] = (int) end;
    }

    @Override
    public RichTextString getItemAt(int idx) {
        if (idx < 0 || idx >= unique) {
            throw new IllegalArgumentException("no shared string " + idx + " (the workbook has " + unique + ")");
        }
        byte[] bytes = new byte[offsets[idx + 1] - offsets[idx]];
        map.get(offsets[idx], bytes);
        return new Text(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return unique;
    }

    /** Deletes the spool. */
    @Override
    public void close() throws IOException {
        map = null;
        Files.deleteIfExists(file);
    }

    /** A cell's text, read only: the sheet's reader asks for nothing but its {@code toString()}. */
    private record Text(String string) implements RichTextString {
        @Override
        public String toString() {
            return string;
        }

        @Override
        public String getString() {
            return string;
        }

        @Override
        public int length() {
            return string.length();
        }

        @Override
        public int numFormattingRuns() {
            return 0;
        }

        @Override
        public int getIndexOfFormattingRun(int index) {
            return 0;
        }

        @Override
        public void applyFont(int startIndex, int endIndex, short fontIndex) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void applyFont(int startIndex, int endIndex, Font font) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void applyFont(Font font) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void clearFormatting() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public void applyFont(short fontIndex) {
            throw new UnsupportedOperationException("read only");
        }
    }
}
