package sa.qayd.query.document;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The document's XMP metadata, written out directly: it is a fixed, small packet, and serialising it
 * through javax.xml.transform looked the transformer factory up on the classpath on every render,
 * which cost more than drawing the page.
 */
final class XmpPacket {

    private static final String TEMPLATE = """
            <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
              <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
                <rdf:Description rdf:about=""
                    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
                    xmlns:dc="http://purl.org/dc/elements/1.1/"
                    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
                    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
                  <pdfaid:part>3</pdfaid:part>
                  <pdfaid:conformance>B</pdfaid:conformance>
                  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%1$s</rdf:li></rdf:Alt></dc:title>
                  <xmp:CreatorTool>%2$s</xmp:CreatorTool>
                  <xmp:CreateDate>%3$s</xmp:CreateDate>
                  <xmp:ModifyDate>%3$s</xmp:ModifyDate>
                  <pdf:Producer>%2$s</pdf:Producer>
                </rdf:Description>
              </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>""";

    private XmpPacket() {
    }

    /** PDF/A-3 part, conformance B; title, producer and dates as in the document information dictionary. */
    static byte[] pdfA3b(String title, String producer, ZonedDateTime created) {
        return String.format(TEMPLATE, escaped(title), escaped(producer), DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
