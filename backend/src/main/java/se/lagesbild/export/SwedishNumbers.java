package se.lagesbild.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures as a Swedish reader (and Swedish Excel) reads them: two decimals after a decimal comma, and a
 * plain hyphen as the minus sign, since Excel does not read the typographic one as a number.
 */
final class SwedishNumbers {

    private SwedishNumbers() {
    }

    /** 2.4 becomes "2,40". */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    /** A figure that is whole, such as a checklist's sum: "16"; otherwise with two decimals. */
    static String whole(double value) {
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : decimal(value);
    }

    /** A change with its sign: "+0,96", "-0,50", "0,00". */
    static String signed(double value) {
        String text = decimal(value);
        return value > 0 && !text.equals("0,00") ? "+" + text : text;
    }
}
