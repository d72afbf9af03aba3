package sa.qayd.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import sa.qayd.api.apikey.ApiKeyIssuedEvent;
import sa.qayd.api.invoice.InvoiceClearedEvent;

class PublicEventTypesTest {

    /** Every event class of the language, found on the class path, so a new one cannot slip past the table. */
    private static Set<String> eventClasses() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Event")));
        return scanner.findCandidateComponents("sa.qayd.api").stream().map(BeanDefinition::getBeanClassName)
                .collect(Collectors.toSet());
    }

    @Test
    void everyEventHasOneStablePublicName() {
        Set<String> named = PublicEventTypes.NAMES.keySet().stream().map(Class::getName).collect(Collectors.toSet());
        assertThat(eventClasses()).hasSize(26).isEqualTo(named);
        assertThat(Set.copyOf(PublicEventTypes.NAMES.values())).hasSameSizeAs(PublicEventTypes.NAMES.values());
        assertThat(PublicEventTypes.NAMES.values()).allMatch(name -> name.matches("[a-z_]+\\.[a-z_]+"));
    }

    @Test
    void theSchemaVersionIsTheEventsCurrentRevision() {
        assertThat(PublicEventTypes.schemaVersion(ApiKeyIssuedEvent.class)).isEqualTo(2);
        assertThat(PublicEventTypes.schemaVersion(InvoiceClearedEvent.class)).isEqualTo(1);
    }
}
