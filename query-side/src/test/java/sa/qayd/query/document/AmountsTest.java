package sa.qayd.query.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void moneyHasTwoDecimalsGroupingAndTheCurrency() {
        assertThat(Amounts.money(new BigDecimal("1234567.5"), "SAR")).isEqualTo("1,234,567.50 SAR");
        assertThat(Amounts.money(new BigDecimal("0.6"), "SAR")).isEqualTo("0.60 SAR");
        assertThat(Amounts.money(new BigDecimal("-4.6"), "SAR")).isEqualTo("-4.60 SAR");
    }

    @Test
    void pricesKeepTheirOwnPrecision() {
        assertThat(Amounts.price(new BigDecimal("2"))).isEqualTo("2.00");
        assertThat(Amounts.price(new BigDecimal("1234.125"))).isEqualTo("1,234.125");
    }

    @Test
    void quantitiesAndRatesDropTrailingZeros() {
        assertThat(Amounts.quantity(new BigDecimal("2.000000"))).isEqualTo("2");
        assertThat(Amounts.quantity(new BigDecimal("2.500000"))).isEqualTo("2.5");
        assertThat(Amounts.quantity(new BigDecimal("100"))).isEqualTo("100");
        assertThat(Amounts.rate(new BigDecimal("15.00"))).isEqualTo("15%");
        assertThat(Amounts.rate(new BigDecimal("0.00"))).isEqualTo("0%");
    }
}
