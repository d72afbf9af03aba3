package sa.qayd.zatca.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import sa.qayd.zatca.model.DocumentKind;

/**
 * Which compliance CSIDs passed the compliance check for which document kinds. ZATCA issues a production CSID only
 * when every kind the CSR's title enables has passed ({@code Missing-ComplianceSteps} otherwise). Kept in a file,
 * one line per passed step, so that a restarted simulator still knows; in memory when there is no file.
 */
final class ComplianceProgress {
    private final Map<String, Set<DocumentKind>> passed = new ConcurrentHashMap<>();
    private final Path file;

    private ComplianceProgress(Path file) {
        this.file = file;
    }

    static ComplianceProgress inMemory() {
        return new ComplianceProgress(null);
    }

    /** The progress written to {@code file} by earlier runs, carried on in it. */
    static ComplianceProgress persistedIn(Path file) {
        ComplianceProgress progress = new ComplianceProgress(file);
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    String[] fields = line.split(" ");
                    if (fields.length == 2) {
                        progress.stepsOf(fields[0]).add(DocumentKind.valueOf(fields[1]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compliance progress in " + file, e);
        }
        return progress;
    }

    void passed(IssuedCsid complianceCsid, DocumentKind kind) {
        if (stepsOf(complianceCsid.fingerprint()).add(kind) && file != null) {
            append(complianceCsid.fingerprint() + " " + kind.name() + "\n");
        }
    }

    /** ZATCA's names of the steps still missing, e.g. {@code simplified-credit-note-compliant}; empty when done. */
    List<String> missingSteps(IssuedCsid complianceCsid) {
        CertificateIdentity identity = complianceCsid.identity();
        Set<DocumentKind> done = stepsOf(complianceCsid.fingerprint());
        return Arrays.stream(DocumentKind.values())
                .filter(DocumentKind::complianceChecked)
                .filter(kind -> kind.simplified() ? identity.allowsSimplified() : identity.allowsStandard())
                .filter(kind -> !done.contains(kind))
                .map(ComplianceProgress::stepName)
                .toList();
    }

    static String stepName(DocumentKind kind) {
        String note = switch (kind.typeCode()) {
            case "381" -> "-credit-note";
            case "383" -> "-debit-note";
            default -> "";
        };
        return (kind.simplified() ? "simplified" : "standard") + note + "-compliant";
    }

    private Set<DocumentKind> stepsOf(String fingerprint) {
        return passed.computeIfAbsent(fingerprint, key -> ConcurrentHashMap.newKeySet());
    }

    private synchronized void append(String line) {
        try {
            Files.writeString(file, line, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the compliance progress in " + file, e);
        }
    }
}
