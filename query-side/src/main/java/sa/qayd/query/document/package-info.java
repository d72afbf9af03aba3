/**
 * Printable documents: {@link sa.qayd.query.document.InvoicePdf#render(byte[])} turns a signed ZATCA
 * UBL invoice, credit note or debit note into a bilingual (Arabic/English) PDF/A-3b document with the
 * XML embedded as its associated file and the KSA-14 QR code drawn from the XML's QR attachment.
 *
 * <p>Everything the renderer needs ships in this module's resources under {@code document/}: the Noto
 * Sans and Noto Sans Arabic fonts (SIL Open Font License, from Debian's fonts-noto-core, see
 * {@code fonts/OFL.txt}) and an sRGB ICC profile (zlib licence, from Debian's icc-profiles-free, see
 * {@code color/LICENSE.txt}). The output depends only on the XML bytes and on these files and the
 * library versions in the pom, so an archived document can be rebuilt byte for byte from the events
 * that stored its XML.
 */
package sa.qayd.query.document;
