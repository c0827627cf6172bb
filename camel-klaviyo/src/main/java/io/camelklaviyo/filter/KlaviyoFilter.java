package io.camelklaviyo.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Klaviyo filter expression, built in Java and rendered by {@link #toString()} in Klaviyo's syntax:
 *
 * <pre>{@code
 * KlaviyoFilter filter = KlaviyoFilter.equals("email", "jane+vip@example.com")
 *         .and(KlaviyoFilter.greaterThan("updated", Instant.parse("2024-01-01T00:00:00Z")));
 * filter.toString();  // equals(email,"jane+vip@example.com"),greater-than(updated,2024-01-01T00:00:00Z)
 * }</pre>
 * <p>
 * Strings are double-quoted with {@code \"} and {@code \\} escaped; numbers, booleans and date-times are bare
 * (date-times as ISO-8601, {@code Z} for an {@link java.time.Instant}); lists are {@code [a,b]}. A top-level
 * {@code and} renders as comma-separated terms, Klaviyo's implicit AND and the form its own SDKs send; an {@code and}
 * inside {@code or(...)} or {@code not(...)} renders as {@code and(...)}. No whitespace is rendered.
 * <p>
 * Filters are immutable values with {@code equals}/{@code hashCode}; {@link FilterExpression#parse(String)} reads a
 * rendered filter back into an equal one. A filter can be set as the {@code CamelKlaviyoFilter} header as it is (Camel
 * converts it with {@code toString()}), or rendered into the endpoint's {@code filter} option.
 * <p>
 * Which fields and operators a filter may use depends on the operation; the producer checks that before any HTTP
 * call. Not every operation accepts {@code or}/{@code not}: Klaviyo decides on the combinators.
 */
public sealed interface KlaviyoFilter permits KlaviyoFilter.Term, KlaviyoFilter.Logical {

    /** {@code equals(field,value)}; the value may be a scalar or, where the field accepts one, a list. */
    static KlaviyoFilter equals(String field, Object value) {
        return Term.checked("equals", field, FilterValue.of(value));
    }

    /** {@code any(field,[values])}: the field equals one of the values. */
    static KlaviyoFilter any(String field, Collection<?> values) {
        return Term.checked("any", field, FilterValue.of(Objects.requireNonNull(values, "values")));
    }

    /** {@code any(field,[values])}: the field equals one of the values. */
    static KlaviyoFilter any(String field, Object... values) {
        return any(field, Arrays.asList(values));
    }

    /** {@code greater-than(field,value)} for a number or a date-time. */
    static KlaviyoFilter greaterThan(String field, Object value) {
        return Term.checked("greater-than", field, FilterValue.of(value));
    }

    /** {@code greater-or-equal(field,value)} for a number or a date-time. */
    static KlaviyoFilter greaterOrEqual(String field, Object value) {
        return Term.checked("greater-or-equal", field, FilterValue.of(value));
    }

    /** {@code less-than(field,value)} for a number or a date-time. */
    static KlaviyoFilter lessThan(String field, Object value) {
        return Term.checked("less-than", field, FilterValue.of(value));
    }

    /** {@code less-or-equal(field,value)} for a number or a date-time. */
    static KlaviyoFilter lessOrEqual(String field, Object value) {
        return Term.checked("less-or-equal", field, FilterValue.of(value));
    }

    /** {@code contains(field,"text")}. */
    static KlaviyoFilter contains(String field, String text) {
        return Term.checked("contains", field, FilterValue.of(text));
    }

    /** {@code starts-with(field,"text")}. */
    static KlaviyoFilter startsWith(String field, String text) {
        return Term.checked("starts-with", field, FilterValue.of(text));
    }

    /** {@code ends-with(field,"text")}. */
    static KlaviyoFilter endsWith(String field, String text) {
        return Term.checked("ends-with", field, FilterValue.of(text));
    }

    /** {@code has(field)}: the resource has the (relationship or attribute) field. */
    static KlaviyoFilter has(String field) {
        return Term.checked("has", field, null);
    }

    /**
     * Any other operator Klaviyo may add, e.g. {@code term("contains-any", "tags", List.of("a", "b"))}; a null value
     * renders {@code operator(field)}.
     */
    static KlaviyoFilter term(String operator, String field, Object value) {
        return Term.checked(operator, field, value == null ? null : FilterValue.of(value));
    }

    /** All of the filters; a single filter comes back as it is. */
    static KlaviyoFilter and(KlaviyoFilter first, KlaviyoFilter second, KlaviyoFilter... more) {
        return and(list(first, second, more));
    }

    /** All of the filters; a single filter comes back as it is. */
    static KlaviyoFilter and(List<? extends KlaviyoFilter> filters) {
        return Logical.of("and", filters);
    }

    /** Any of the filters; a single filter comes back as it is. */
    static KlaviyoFilter or(KlaviyoFilter first, KlaviyoFilter second, KlaviyoFilter... more) {
        return or(list(first, second, more));
    }

    /** Any of the filters; a single filter comes back as it is. */
    static KlaviyoFilter or(List<? extends KlaviyoFilter> filters) {
        return Logical.of("or", filters);
    }

    /** {@code not(filter)}. */
    static KlaviyoFilter not(KlaviyoFilter filter) {
        return new Logical("not", List.of(Objects.requireNonNull(filter, "filter")));
    }

    /** This filter and the other one (terms of nested {@code and}s are flattened). */
    default KlaviyoFilter and(KlaviyoFilter other) {
        return and(List.of(this, other));
    }

    /** This filter or the other one (terms of nested {@code or}s are flattened). */
    default KlaviyoFilter or(KlaviyoFilter other) {
        return or(List.of(this, other));
    }

    /** Every comparison term of this filter, depth first, including those inside {@code and}/{@code or}/{@code not}. */
    default List<Term> terms() {
        List<Term> terms = new ArrayList<>();
        collect(this, terms);
        return List.copyOf(terms);
    }

    private static void collect(KlaviyoFilter filter, List<Term> terms) {
        if (filter instanceof Term term) {
            terms.add(term);
        } else if (filter instanceof Logical logical) {
            logical.operands().forEach(operand -> collect(operand, terms));
        }
    }

    private static List<KlaviyoFilter> list(KlaviyoFilter first, KlaviyoFilter second, KlaviyoFilter... more) {
        List<KlaviyoFilter> filters = new ArrayList<>();
        filters.add(first);
        filters.add(second);
        filters.addAll(List.of(more));
        return filters;
    }

    /**
     * One comparison {@code operator(field,value)}, or {@code operator(field)} when {@code value} is null (Klaviyo's
     * {@code has}).
     *
     * @param operator e.g. {@code equals}, {@code greater-than}
     * @param field    e.g. {@code email}, {@code messages.channel}
     * @param value    the value, or null for none
     */
    record Term(String operator, String field, FilterValue value) implements KlaviyoFilter {

        private static final Pattern OPERATOR = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
        private static final String FIELD_STOPS = "(),[]\"'";
        private static final Set<String> COMPARISONS
                = Set.of("greater-than", "greater-or-equal", "less-than", "less-or-equal");
        private static final Set<String> TEXT_MATCHES = Set.of("starts-with", "ends-with");
        private static final Set<String> DOCUMENTED = Set.of("equals", "any", "greater-than", "greater-or-equal",
                "less-than", "less-or-equal", "contains", "starts-with", "ends-with", "has");

        public Term {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(field, "field");
            if (!OPERATOR.matcher(operator).matches() || Logical.OPERATORS.contains(operator)) {
                throw new IllegalArgumentException("'" + operator + "' is no filter operator");
            }
            if (field.isEmpty()
                    || field.chars().anyMatch(c -> Character.isWhitespace(c) || FIELD_STOPS.indexOf(c) >= 0)) {
                throw new IllegalArgumentException("'" + field + "' is no filter field: a field name has no"
                                                   + " whitespace, quotes, brackets, parentheses or commas");
            }
        }

        static Term checked(String operator, String field, FilterValue value) {
            Term term = new Term(operator, field, value);
            term.checkValue();
            return term;
        }

        /**
         * Checks that the value has the shape the operator takes, for Klaviyo's documented operators: {@code has}
         * takes none, every other operator one; {@code any} a non-empty list; {@code greater-than},
         * {@code greater-or-equal}, {@code less-than} and {@code less-or-equal} a bare number or date-time (Klaviyo
         * rejects a quoted date-time); {@code starts-with} and {@code ends-with} a string; {@code contains} a string
         * or a list of strings; {@code equals} any value. Other operators are not checked.
         *
         * @throws IllegalArgumentException naming what the operator takes
         */
        public void checkValue() {
            if (!DOCUMENTED.contains(operator)) {
                return;
            }
            if (operator.equals("has")) {
                if (value != null) {
                    throw problem("takes no value, e.g. has(" + field + ")");
                }
                return;
            }
            if (value == null) {
                throw problem("needs a value, e.g. " + operator + "(" + field + "," + example() + ")");
            }
            if (operator.equals("any")) {
                if (!value.isList() || value.items().isEmpty()) {
                    throw problem("takes a non-empty list, e.g. any(" + field + ",[\"a\",\"b\"])");
                }
            } else if (COMPARISONS.contains(operator)) {
                if (value.kind() != FilterValue.Kind.NUMBER && value.kind() != FilterValue.Kind.DATE_TIME) {
                    throw problem("takes a number or an unquoted ISO-8601 date-time, e.g. " + operator + "(" + field
                                  + ",2024-01-01T00:00:00Z)");
                }
            } else if (TEXT_MATCHES.contains(operator)) {
                if (value.kind() != FilterValue.Kind.STRING) {
                    throw problem("takes a quoted string, e.g. " + operator + "(" + field + ",\"text\")");
                }
            } else if (operator.equals("contains")) {
                boolean strings = value.isList()
                        ? value.items().stream().allMatch(item -> item.kind() == FilterValue.Kind.STRING)
                        : value.kind() == FilterValue.Kind.STRING;
                if (!strings) {
                    throw problem("takes a quoted string, e.g. contains(" + field + ",\"text\")");
                }
            }
        }

        private String example() {
            return COMPARISONS.contains(operator) ? "2024-01-01T00:00:00Z" : "\"text\"";
        }

        private IllegalArgumentException problem(String takes) {
            return new IllegalArgumentException("'" + operator + "' " + takes
                                                + (value == null ? "" : "; got " + value.describe()));
        }

        /** This term in Klaviyo's syntax. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            Logical.render(this, out, false);
            return out.toString();
        }
    }

    /**
     * {@code and(...)}, {@code or(...)} (two or more operands, nested ones of the same operator flattened) or
     * {@code not(...)} (one operand).
     *
     * @param operator {@code and}, {@code or} or {@code not}
     * @param operands what it combines
     */
    record Logical(String operator, List<KlaviyoFilter> operands) implements KlaviyoFilter {

        static final Set<String> OPERATORS = Set.of("and", "or", "not");

        public Logical {
            Objects.requireNonNull(operator, "operator");
            if (!OPERATORS.contains(operator)) {
                throw new IllegalArgumentException("'" + operator + "' is none of and, or, not");
            }
            List<KlaviyoFilter> flat = new ArrayList<>();
            for (KlaviyoFilter operand : operands) {
                Objects.requireNonNull(operand, "operand");
                if (!operator.equals("not") && operand instanceof Logical logical
                        && logical.operator.equals(operator)) {
                    flat.addAll(logical.operands);
                } else {
                    flat.add(operand);
                }
            }
            operands = List.copyOf(flat);
            if (operator.equals("not") ? operands.size() != 1 : operands.size() < 2) {
                throw new IllegalArgumentException(operator.equals("not")
                        ? "not(...) takes exactly one filter"
                        : operator + "(...) takes at least two filters, got " + operands.size());
            }
        }

        static KlaviyoFilter of(String operator, List<? extends KlaviyoFilter> filters) {
            if (filters.isEmpty()) {
                throw new IllegalArgumentException(operator + "(...) needs at least one filter");
            }
            return filters.size() == 1
                    ? Objects.requireNonNull(filters.get(0), "filter")
                    : new Logical(operator, List.copyOf(filters));
        }

        /** This filter in Klaviyo's syntax; a top-level {@code and} as comma-separated terms. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            render(this, out, true);
            return out.toString();
        }

        static void render(KlaviyoFilter filter, StringBuilder out, boolean topLevel) {
            if (filter instanceof Term term) {
                out.append(term.operator()).append('(').append(term.field());
                if (term.value() != null) {
                    out.append(',');
                    term.value().render(out);
                }
                out.append(')');
                return;
            }
            Logical logical = (Logical) filter;
            boolean implicitAnd = topLevel && logical.operator.equals("and");
            if (!implicitAnd) {
                out.append(logical.operator).append('(');
            }
            for (int i = 0; i < logical.operands.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                render(logical.operands.get(i), out, false);
            }
            if (!implicitAnd) {
                out.append(')');
            }
        }
    }
}
