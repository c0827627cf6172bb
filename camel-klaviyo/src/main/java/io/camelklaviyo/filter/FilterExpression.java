package io.camelklaviyo.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Klaviyo filter string into a {@link KlaviyoFilter}, so that checking it never trips on parentheses or
 * commas inside quoted values.
 * <p>
 * Grammar (whitespace between tokens is skipped):
 *
 * <pre>
 * filter  = expr { "," expr }                       comma-separated terms: implicit AND
 * expr    = ("and" | "or") "(" expr { "," expr } ")"
 *         | "not" "(" expr ")"
 *         | operator "(" field [ "," value ] ")"
 * value   = string | "[" [ scalar { "," scalar } ] "]" | bare
 * scalar  = string | bare
 * string  = '"' ... '"' | "'" ... "'"              backslash escapes: \" \' \\ \/ \b \f \n \r \t \\uXXXX
 * bare    = number | date-time | true | false | null
 * </pre>
 *
 * Anything else bare (e.g. {@code equals(email,jane@example.com)}) is an error: Klaviyo needs strings quoted.
 */
public final class FilterExpression {

    private static final String DELIMITERS = "(),[]\"'";

    private final String text;
    private int index;

    private FilterExpression(String text) {
        this.text = text;
    }

    /**
     * Parses a filter string.
     *
     * @throws ParseException with the index of the problem
     */
    public static KlaviyoFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            throw new ParseException("the filter is empty", filter == null ? "" : filter, 0);
        }
        FilterExpression parser = new FilterExpression(filter);
        List<KlaviyoFilter> terms = new ArrayList<>();
        do {
            terms.add(parser.expression());
        } while (parser.skip(','));
        parser.skipWhitespace();
        if (parser.index < filter.length()) {
            throw parser.error("expected ',' or the end of the filter, found " + parser.found());
        }
        return KlaviyoFilter.and(terms);
    }

    private KlaviyoFilter expression() {
        skipWhitespace();
        int start = index;
        String operator = word();
        if (operator.isEmpty()) {
            throw error("expected an operator such as equals(, found " + found());
        }
        expect('(', "after '" + operator + "'");
        if (operator.equals("and") || operator.equals("or") || operator.equals("not")) {
            List<KlaviyoFilter> operands = new ArrayList<>();
            do {
                operands.add(expression());
            } while (skip(','));
            expect(')', "to close " + operator + "(");
            if (operator.equals("not") && operands.size() != 1) {
                throw new ParseException("not(...) takes exactly one filter", text, start);
            }
            return operator.equals("not") ? KlaviyoFilter.not(operands.get(0))
                    : operator.equals("and") ? KlaviyoFilter.and(operands) : KlaviyoFilter.or(operands);
        }
        skipWhitespace();
        String field = bareToken();
        if (field.isEmpty()) {
            throw error("expected a field name after '" + operator + "(', found " + found());
        }
        FilterValue value = null;
        if (skip(',')) {
            value = value();
        }
        expect(')', "to close " + operator + "(" + field + (value == null ? "" : ",..."));
        return new KlaviyoFilter.Term(operator, field, value);
    }

    private FilterValue value() {
        skipWhitespace();
        if (index < text.length() && text.charAt(index) == '[') {
            index++;
            List<FilterValue> items = new ArrayList<>();
            skipWhitespace();
            if (!skip(']')) {
                do {
                    skipWhitespace();
                    if (index < text.length() && text.charAt(index) == '[') {
                        throw error("lists cannot be nested");
                    }
                    items.add(scalar());
                } while (skip(','));
                expect(']', "to close the list");
            }
            return FilterValue.list(items);
        }
        return scalar();
    }

    private FilterValue scalar() {
        skipWhitespace();
        if (index < text.length() && (text.charAt(index) == '"' || text.charAt(index) == '\'')) {
            return FilterValue.string(quoted());
        }
        int start = index;
        String token = bareToken();
        if (token.isEmpty()) {
            throw error("expected a value, found " + found());
        }
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return FilterValue.literal(FilterValue.Kind.BOOLEAN, lower);
        }
        if (lower.equals("null")) {
            return FilterValue.literal(FilterValue.Kind.NULL, lower);
        }
        if (FilterValue.NUMBER_LITERAL.matcher(token).matches()) {
            return FilterValue.literal(FilterValue.Kind.NUMBER, token);
        }
        if (FilterValue.DATE_TIME_LITERAL.matcher(token).matches()) {
            return FilterValue.literal(FilterValue.Kind.DATE_TIME, token);
        }
        throw new ParseException("unquoted text '" + token + "': Klaviyo needs strings in quotes, e.g. \""
                                 + token + "\" (only numbers, ISO-8601 date-times, true and false stay bare)",
                text, start);
    }

    private String quoted() {
        int start = index;
        char quote = text.charAt(index++);
        StringBuilder content = new StringBuilder();
        while (index < text.length()) {
            char c = text.charAt(index++);
            if (c == quote) {
                return content.toString();
            }
            if (c != '\\') {
                content.append(c);
                continue;
            }
            if (index >= text.length()) {
                break;
            }
            char escaped = text.charAt(index++);
            switch (escaped) {
                case 'n' -> content.append('\n');
                case 'r' -> content.append('\r');
                case 't' -> content.append('\t');
                case 'b' -> content.append('\b');
                case 'f' -> content.append('\f');
                case 'u' -> content.append(unicodeEscape());
                default -> content.append(escaped);
            }
        }
        throw new ParseException("unterminated string: no closing " + quote, text, start);
    }

    private char unicodeEscape() {
        int start = index - 2;
        if (index + 4 > text.length()) {
            throw new ParseException("\\u needs four hex digits", text, start);
        }
        try {
            char c = (char) Integer.parseInt(text.substring(index, index + 4), 16);
            index += 4;
            return c;
        } catch (NumberFormatException e) {
            throw new ParseException("\\u needs four hex digits", text, start);
        }
    }

    /** ASCII letters, digits, {@code -} and {@code _}, starting with a letter. */
    private String word() {
        int start = index;
        if (index < text.length() && isAsciiLetter(text.charAt(index))) {
            while (index < text.length() && (isAsciiLetter(text.charAt(index)) || isAsciiDigit(text.charAt(index))
                    || text.charAt(index) == '-' || text.charAt(index) == '_')) {
                index++;
            }
        }
        return text.substring(start, index);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Everything up to whitespace or a delimiter. */
    private String bareToken() {
        int start = index;
        while (index < text.length() && !Character.isWhitespace(text.charAt(index))
                && DELIMITERS.indexOf(text.charAt(index)) < 0) {
            index++;
        }
        return text.substring(start, index);
    }

    private void skipWhitespace() {
        while (index < text.length() && Character.isWhitespace(text.charAt(index))) {
            index++;
        }
    }

    private boolean skip(char c) {
        skipWhitespace();
        if (index < text.length() && text.charAt(index) == c) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(char c, String why) {
        if (!skip(c)) {
            throw error("expected '" + c + "' " + why + ", found " + found());
        }
    }

    private String found() {
        return index >= text.length() ? "the end of the filter" : "'" + text.charAt(index) + "'";
    }

    private ParseException error(String message) {
        skipWhitespace();
        return new ParseException(message, text, index);
    }

    /** A filter string that is not Klaviyo's syntax. */
    public static final class ParseException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final int index;

        ParseException(String problem, String filter, int index) {
            super("Invalid filter at index " + index + ": " + problem + " (in " + filter + " at: "
                  + excerpt(filter, index) + ")");
            this.index = index;
        }

        private static String excerpt(String filter, int index) {
            if (index >= filter.length()) {
                return "the end";
            }
            String rest = filter.substring(index);
            return rest.length() > 20 ? rest.substring(0, 20) + "..." : rest;
        }

        /** The 0-based index in the filter string where the problem is. */
        public int index() {
            return index;
        }
    }
}
