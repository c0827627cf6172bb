package io.camelklaviyo.filter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import io.camelklaviyo.filter.FilterValue.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.camelklaviyo.filter.KlaviyoFilter.and;
import static io.camelklaviyo.filter.KlaviyoFilter.any;
import static io.camelklaviyo.filter.KlaviyoFilter.contains;
import static io.camelklaviyo.filter.KlaviyoFilter.greaterThan;
import static io.camelklaviyo.filter.KlaviyoFilter.has;
import static io.camelklaviyo.filter.KlaviyoFilter.lessOrEqual;
import static io.camelklaviyo.filter.KlaviyoFilter.not;
import static io.camelklaviyo.filter.KlaviyoFilter.or;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Parsing Klaviyo filter strings: round trips, quoted values, nesting, and errors with their index. */
class FilterExpressionTest {

    static Stream<KlaviyoFilter> typedFilters() {
        Instant newYear = Instant.parse("2024-01-01T00:00:00Z");
        return Stream.of(
                KlaviyoFilter.equals("email", "jane+vip@example.com"),
                KlaviyoFilter.equals("email", "jane+vip@example.com").and(greaterThan("updated", newYear)),
                any("email", List.of("a@example.com", "b,c@example.com", "d)e@example.com")),
                KlaviyoFilter.equals("name", "say \"hi\", C:\\temp (really)"),
                KlaviyoFilter.equals("name", "tab\there\nnewline\u0007bell"),
                KlaviyoFilter.equals("name", "caf\u00e9 \u2603"),
                lessOrEqual("created", OffsetDateTime.of(2022, 11, 8, 0, 0, 0, 0, ZoneOffset.ofHours(5))),
                greaterThan("updated", Instant.parse("2024-01-01T10:15:30.123456Z")),
                KlaviyoFilter.equals("archived", true),
                KlaviyoFilter.equals("lng", -74.006),
                any("rating", 4, 5),
                KlaviyoFilter.equals("name", List.of("Newsletter", "VIP")),
                has("profile"),
                contains("name", "]["),
                or(KlaviyoFilter.equals("status", "Sent"), and(has("a"), not(has("b")))),
                not(and(has("a"), or(has("b"), has("c")))),
                KlaviyoFilter.term("contains-any", "tags", List.of("x", "y")));
    }

    @ParameterizedTest
    @MethodSource("typedFilters")
    void aRenderedFilterParsesBackToAnEqualFilter(KlaviyoFilter filter) {
        KlaviyoFilter parsed = FilterExpression.parse(filter.toString());

        assertThat(parsed).isEqualTo(filter);
        assertThat(parsed).hasToString(filter.toString());
    }

    @Test
    void parenthesesAndCommasInsideQuotesAreValueText() {
        KlaviyoFilter parsed = FilterExpression.parse("equals(name,\"a,b) or(c\"),equals(title,'x)(,y')");

        assertThat(parsed.terms()).hasSize(2);
        assertThat(parsed.terms().get(0).value().text()).isEqualTo("a,b) or(c");
        assertThat(parsed.terms().get(1).value().text()).isEqualTo("x)(,y");
    }

    @Test
    void singleQuotedStringsAndEscapesAreUnderstood() {
        List<KlaviyoFilter.Term> terms = FilterExpression.parse(
                "equals(messages.channel,'email'),equals(a,'it\\'s'),equals(b,'say \"hi\"'),"
                + "equals(c,\"back\\\\slash\"),equals(d,\"caf\\u00e9\"),equals(e,\"\\/x\")").terms();

        assertThat(terms).extracting(t -> t.value().text())
                .containsExactly("email", "it's", "say \"hi\"", "back\\slash", "caf\u00e9", "/x");
        assertThat(terms.get(0)).isEqualTo(KlaviyoFilter.equals("messages.channel", "email"));
        assertThat(terms.get(2)).hasToString("equals(b,\"say \\\"hi\\\"\")");
    }

    @Test
    void bareValuesAreTyped() {
        List<KlaviyoFilter.Term> terms = FilterExpression.parse(
                "equals(a,true),equals(b,FALSE),equals(c,-1.5e3),less-than(d,2022-11-08T00:00:00+00:00),"
                + "greater-than(e,2024-01-01),equals(f,null),any(g,['$custom:::$default:::ITEM-1'])").terms();

        assertThat(terms).extracting(t -> t.value().kind()).containsExactly(Kind.BOOLEAN, Kind.BOOLEAN, Kind.NUMBER,
                Kind.DATE_TIME, Kind.DATE_TIME, Kind.NULL, Kind.LIST);
        assertThat(terms.get(1).value().text()).isEqualTo("false");
        assertThat(terms.get(6).value().items()).containsExactly(FilterValue.of("$custom:::$default:::ITEM-1"));
    }

    @Test
    void whitespaceBetweenTokensIsSkipped() {
        KlaviyoFilter parsed = FilterExpression.parse(" equals( email , \"a b\" ) ,\n any(id, [ \"x\" , 'y' ] ) ");

        assertThat(parsed).isEqualTo(KlaviyoFilter.equals("email", "a b").and(any("id", "x", "y")));
    }

    @Test
    void nestedCombinatorsKeepTheirStructure() {
        KlaviyoFilter parsed = FilterExpression.parse(
                "or(and(equals(a,1),equals(b,2)),not(has(c))),greater-than(d,2024-01-01T00:00:00Z)");

        assertThat(parsed).isEqualTo(and(
                or(and(KlaviyoFilter.equals("a", 1), KlaviyoFilter.equals("b", 2)), not(has("c"))),
                greaterThan("d", Instant.parse("2024-01-01T00:00:00Z"))));
        assertThat(parsed.terms()).extracting(KlaviyoFilter.Term::field).containsExactly("a", "b", "c", "d");
        assertThat(FilterExpression.parse("and(has(a),has(b))")).isEqualTo(FilterExpression.parse("has(a),has(b)"));
    }

    @Test
    void anUnquotedEmailIsRefusedAtItsIndex() {
        FilterExpression.ParseException error = parseError("equals(email,jane@example.com)");

        assertThat(error.index()).isEqualTo(13);
        assertThat(error).hasMessageContaining("index 13").hasMessageContaining("unquoted text 'jane@example.com'")
                .hasMessageContaining("\"jane@example.com\"");
    }

    @Test
    void syntaxErrorsNameTheIndexAndWhatWasExpected() {
        assertThat(parseError("equals(email,\"a@example.com\"").index()).isEqualTo(28);
        assertThat(parseError("equals(email,\"a@example.com\"")).hasMessageContaining("expected ')'")
                .hasMessageContaining("the end of the filter");
        assertThat(parseError("equals(email,\"a@example.com)").index()).isEqualTo(13);
        assertThat(parseError("equals(email,\"a@example.com)")).hasMessageContaining("unterminated string");
        assertThat(parseError("equals(email,\"a\",\"b\")").index()).isEqualTo(16);
        assertThat(parseError("equals(email,\"a\") x").index()).isEqualTo(18);
        assertThat(parseError("equals(email,\"a\") x")).hasMessageContaining("expected ',' or the end");
        assertThat(parseError("equals(,\"a\")")).hasMessageContaining("expected a field name")
                .extracting(FilterExpression.ParseException::index).isEqualTo(7);
        assertThat(parseError("equals(email,)")).hasMessageContaining("expected a value");
        assertThat(parseError("any(id,[[\"a\"]])")).hasMessageContaining("cannot be nested");
        assertThat(parseError("any(id,[\"a\",\"b\")")).hasMessageContaining("expected ']'");
        assertThat(parseError("not(has(a),has(b))")).hasMessageContaining("exactly one filter");
        assertThat(parseError("email")).hasMessageContaining("expected '('");
        assertThat(parseError("(equals(a,1))").index()).isZero();
        assertThat(parseError("equals(a,1),")).hasMessageContaining("expected an operator");
        assertThat(parseError("equals(a,\"x\\u00\")")).hasMessageContaining("four hex digits");
        assertThat(parseError("  ")).hasMessageContaining("empty");
        assertThat(parseError(null)).hasMessageContaining("empty");
    }

    @Test
    void aParseErrorIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> FilterExpression.parse("equals(")).isInstanceOf(IllegalArgumentException.class);
    }

    private static FilterExpression.ParseException parseError(String filter) {
        FilterExpression.ParseException error = catchThrowableOfType(FilterExpression.ParseException.class,
                () -> FilterExpression.parse(filter));
        assertThat(error).as("parse error for %s", filter).isNotNull();
        return error;
    }
}
