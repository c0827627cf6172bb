package io.camelklaviyo.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static io.camelklaviyo.filter.KlaviyoFilter.and;
import static io.camelklaviyo.filter.KlaviyoFilter.any;
import static io.camelklaviyo.filter.KlaviyoFilter.contains;
import static io.camelklaviyo.filter.KlaviyoFilter.endsWith;
import static io.camelklaviyo.filter.KlaviyoFilter.greaterOrEqual;
import static io.camelklaviyo.filter.KlaviyoFilter.greaterThan;
import static io.camelklaviyo.filter.KlaviyoFilter.has;
import static io.camelklaviyo.filter.KlaviyoFilter.lessOrEqual;
import static io.camelklaviyo.filter.KlaviyoFilter.lessThan;
import static io.camelklaviyo.filter.KlaviyoFilter.not;
import static io.camelklaviyo.filter.KlaviyoFilter.or;
import static io.camelklaviyo.filter.KlaviyoFilter.startsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rendering of typed filters in Klaviyo's syntax, and their value semantics. */
class KlaviyoFilterTest {

    private static final Instant NEW_YEAR = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void stringsAreDoubleQuotedAndEmailsKeepPlusAndAt() {
        assertThat(KlaviyoFilter.equals("email", "jane+vip@example.com"))
                .hasToString("equals(email,\"jane+vip@example.com\")");
        assertThat(contains("name", "Spring")).hasToString("contains(name,\"Spring\")");
        assertThat(startsWith("title", "How")).hasToString("starts-with(title,\"How\")");
        assertThat(endsWith("title", "?")).hasToString("ends-with(title,\"?\")");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(KlaviyoFilter.equals("name", "say \"hi\" C:\\temp"))
                .hasToString("equals(name,\"say \\\"hi\\\" C:\\\\temp\")");
        assertThat(KlaviyoFilter.equals("name", "it's")).hasToString("equals(name,\"it's\")");
        assertThat(KlaviyoFilter.equals("name", "a\nb\u0001")).hasToString("equals(name,\"a\\nb\\u0001\")");
    }

    @Test
    void parenthesesAndCommasInStringsNeedNoEscaping() {
        assertThat(KlaviyoFilter.equals("name", "a(b),c")).hasToString("equals(name,\"a(b),c\")");
    }

    @Test
    void dateTimesAreBareIso8601() {
        assertThat(greaterThan("updated", NEW_YEAR)).hasToString("greater-than(updated,2024-01-01T00:00:00Z)");
        assertThat(greaterThan("updated", Instant.parse("2024-01-01T10:15:30.123Z")))
                .hasToString("greater-than(updated,2024-01-01T10:15:30.123Z)");
        assertThat(lessThan("updated", OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(-7))))
                .hasToString("less-than(updated,2024-03-01T08:00:00-07:00)");
        assertThat(lessOrEqual("updated", OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC)))
                .hasToString("less-or-equal(updated,2024-03-01T08:00:00Z)");
        assertThat(greaterOrEqual("datetime",
                ZonedDateTime.of(2024, 7, 1, 12, 0, 0, 0, ZoneId.of("Europe/Paris"))))
                .hasToString("greater-or-equal(datetime,2024-07-01T12:00:00+02:00)");
        assertThat(greaterThan("created", LocalDate.of(2024, 2, 29))).hasToString("greater-than(created,2024-02-29)");
        assertThat(greaterThan("created", new Date(0))).hasToString("greater-than(created,1970-01-01T00:00:00Z)");
        assertThat(greaterThan("created", java.sql.Date.valueOf("2024-05-06")))
                .hasToString("greater-than(created," + Instant.ofEpochMilli(
                        java.sql.Date.valueOf("2024-05-06").getTime()) + ")");
    }

    @Test
    void numbersAndBooleansAreBare() {
        assertThat(KlaviyoFilter.equals("rating", 5)).hasToString("equals(rating,5)");
        assertThat(greaterOrEqual("percentage", 33.33)).hasToString("greater-or-equal(percentage,33.33)");
        assertThat(lessThan("value", 1.5f)).hasToString("less-than(value,1.5)");
        assertThat(KlaviyoFilter.equals("lng", -74.006)).hasToString("equals(lng,-74.006)");
        assertThat(greaterThan("timestamp", 1_700_000_000_000L)).hasToString("greater-than(timestamp,1700000000000)");
        assertThat(greaterThan("size", new BigDecimal("1E+3"))).hasToString("greater-than(size,1000)");
        assertThat(greaterThan("size", 1e10)).hasToString("greater-than(size,10000000000)");
        assertThat(KlaviyoFilter.equals("archived", false)).hasToString("equals(archived,false)");
    }

    @Test
    void listsAreBracketed() {
        assertThat(any("email", List.of("a@example.com", "b+c@example.com")))
                .hasToString("any(email,[\"a@example.com\",\"b+c@example.com\"])");
        assertThat(any("rating", 4, 5)).hasToString("any(rating,[4,5])");
        assertThat(KlaviyoFilter.equals("name", List.of("Newsletter"))).hasToString("equals(name,[\"Newsletter\"])");
        assertThat(any("id", (Object[]) new String[] {"a", "b"})).hasToString("any(id,[\"a\",\"b\"])");
    }

    @Test
    void otherScalarsBecomeStrings() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(KlaviyoFilter.equals("id", id)).hasToString("equals(id,\"" + id + "\")");
        assertThat(KlaviyoFilter.equals("unit", java.util.concurrent.TimeUnit.DAYS))
                .hasToString("equals(unit,\"DAYS\")");
    }

    @Test
    void hasTakesNoValueAndTermCoversOtherOperators() {
        assertThat(has("profile")).hasToString("has(profile)");
        assertThat(KlaviyoFilter.term("contains-any", "tags", List.of("a", "b")))
                .hasToString("contains-any(tags,[\"a\",\"b\"])");
        assertThat(KlaviyoFilter.term("is-set", "flag", null)).hasToString("is-set(flag)");
    }

    @Test
    void aTopLevelAndIsCommaSeparated() {
        KlaviyoFilter filter = KlaviyoFilter.equals("email", "jane+vip@example.com").and(greaterThan("updated",
                NEW_YEAR));

        assertThat(filter)
                .hasToString("equals(email,\"jane+vip@example.com\"),greater-than(updated,2024-01-01T00:00:00Z)");
        assertThat(filter.terms()).extracting(KlaviyoFilter.Term::field).containsExactly("email", "updated");
    }

    @Test
    void nestedCombinatorsRenderWithTheirKeyword() {
        KlaviyoFilter filter = or(KlaviyoFilter.equals("status", "Sent"),
                and(greaterThan("updated_at", NEW_YEAR), not(has("archived"))));

        assertThat(filter).hasToString("or(equals(status,\"Sent\"),and(greater-than(updated_at,2024-01-01T00:00:00Z),"
                                       + "not(has(archived))))");
        assertThat(not(and(has("a"), has("b")))).hasToString("not(and(has(a),has(b)))");
        assertThat(KlaviyoFilter.equals("a", 1).and(or(has("b"), has("c"))))
                .hasToString("equals(a,1),or(has(b),has(c))");
        assertThat(filter.terms()).extracting(KlaviyoFilter.Term::operator)
                .containsExactly("equals", "greater-than", "has");
    }

    @Test
    void sameFiltersAreEqualHoweverBuilt() {
        KlaviyoFilter chained = has("a").and(has("b")).and(has("c"));
        KlaviyoFilter flat = and(has("a"), has("b"), has("c"));

        assertThat(chained).isEqualTo(flat).hasSameHashCodeAs(flat);
        assertThat(and(and(has("a"), has("b")), has("c"))).isEqualTo(flat);
        assertThat(has("a").or(has("b")).or(has("c"))).isEqualTo(or(List.of(has("a"), has("b"), has("c"))));
        assertThat(greaterThan("updated", NEW_YEAR))
                .isEqualTo(greaterThan("updated", OffsetDateTime.ofInstant(NEW_YEAR, ZoneOffset.UTC)));
        assertThat(and(List.of(has("a")))).isEqualTo(has("a"));
        assertThat(has("a").and(has("b"))).isNotEqualTo(has("a").or(has("b")));
        assertThat(not(has("a"))).isEqualTo(not(has("a"))).isNotEqualTo(has("a"));
    }

    @Test
    void nullValuesAreRefused() {
        assertThatThrownBy(() -> KlaviyoFilter.equals("email", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no null value")
                .hasMessageContaining("has(field)");
        assertThatThrownBy(() -> any("email", java.util.Arrays.asList("a", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no null value");
        assertThatThrownBy(() -> any("email", "a", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesOfTheWrongShapeAreRefused() {
        assertThatThrownBy(() -> greaterThan("updated", "2024-01-01T00:00:00Z"))
                .hasMessageContaining("'greater-than' takes a number or an unquoted ISO-8601 date-time")
                .hasMessageContaining("got the string \"2024-01-01T00:00:00Z\"");
        assertThatThrownBy(() -> lessThan("updated", List.of(NEW_YEAR))).hasMessageContaining("'less-than' takes");
        assertThatThrownBy(() -> greaterThan("updated", LocalDateTime.of(2024, 1, 1, 0, 0)))
                .hasMessageContaining("LocalDateTime has no offset");
        assertThatThrownBy(() -> any("email", List.of())).hasMessageContaining("at least one value");
        assertThatThrownBy(() -> any("email", List.of(List.of("a")))).hasMessageContaining("cannot be nested");
        assertThatThrownBy(() -> greaterThan("value", Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> KlaviyoFilter.equals("when", LocalDateTime.now().toLocalTime()))
                .hasMessageContaining("cannot use a java.time.LocalTime");
        assertThatThrownBy(() -> KlaviyoFilter.term("equals", "email", null)).hasMessageContaining("needs a value");
    }

    @Test
    void fieldsAndOperatorsThatWouldBreakTheSyntaxAreRefused() {
        assertThatThrownBy(() -> KlaviyoFilter.equals("first name", "x")).hasMessageContaining("no filter field");
        assertThatThrownBy(() -> KlaviyoFilter.equals("a,b", "x")).hasMessageContaining("no filter field");
        assertThatThrownBy(() -> KlaviyoFilter.equals("", "x")).hasMessageContaining("no filter field");
        assertThatThrownBy(() -> KlaviyoFilter.term("eq(", "a", 1)).hasMessageContaining("no filter operator");
        assertThatThrownBy(() -> KlaviyoFilter.term("and", "a", 1)).hasMessageContaining("no filter operator");
        assertThatThrownBy(() -> and(List.of())).hasMessageContaining("at least one filter");
        assertThatThrownBy(() -> new FilterValue(FilterValue.Kind.NUMBER, "1),has(x", List.of()))
                .hasMessageContaining("no NUMBER literal");
        assertThatThrownBy(() -> new FilterValue(FilterValue.Kind.DATE_TIME, "yesterday", List.of()))
                .hasMessageContaining("no DATE_TIME literal");
    }
}
