package io.camelklaviyo;

/**
 * What the producer puts in the message body.
 */
public enum ResponseFormat {
    /** the whole JSON:API document ({@code data}, {@code included}, {@code links}, ...). */
    DOCUMENT,
    /** only the document's {@code data}: one resource or a list of them. */
    DATA,
    /** the response text, unparsed. */
    RAW
}
