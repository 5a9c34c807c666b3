package dev.onfailure.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onfailure.model.Offset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.Decimal;
import org.junit.jupiter.api.Test;

/** Column values that have a fast path: each equal to what the plain way gives. */
final class RowMakerTest {

    /** The plain way: the offset's value, printed to count its digits. */
    private static Decimal plain(String text) {
        Optional<BigInteger> value = Offset.of(text).toBigInteger();
        if (value.isEmpty() || value.get().abs().toString().length() > FailureRows.OFFSET.precision()) {
            return null;
        }
        return Decimal.apply(new BigDecimal(value.get()));
    }

    @Test
    void offset_isTheDecimalOfAtMost38Digits_asThePlainWayGivesIt() {
        String nines38 = "9".repeat(38);
        List<String> texts = List.of("0", "00", "7", "0007", "123456789012345678", "999999999999999999",
                "1000000000000000000", "9223372036854775807", "9223372036854775808", "00" + nines38, nines38,
                "1" + "0".repeat(38), "49601189658422359378836298521827638475320189012309704722", "", "-1", "+1",
                "1.0", "1e3", " 1", "\uff11");
        for (String t : texts) {
            assertThat(RowMaker.offset(t)).as("offset %s", t).isEqualTo(plain(t));
        }
        assertThat(RowMaker.offset("00" + nines38)).isEqualTo(Decimal.apply(new BigDecimal(nines38)));
        assertThat(RowMaker.offset("1" + "0".repeat(38))).isNull();
        assertThat(RowMaker.offset("-1")).isNull();
    }
}
