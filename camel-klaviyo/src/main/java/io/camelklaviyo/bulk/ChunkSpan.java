package io.camelklaviyo.bulk;

/**
 * The items one chunk of a bulk input sends: {@code [firstItem, firstItem + itemCount)} of the input's items.
 *
 * @param index     the chunk's position, from 0, in sending order
 * @param firstItem the index, from 0, of the chunk's first item in the input
 * @param itemCount how many items the chunk sends
 */
public record ChunkSpan(int index, int firstItem, int itemCount) {

    /** The index of the chunk's last item. */
    public int lastItem() {
        return firstItem + itemCount - 1;
    }

    /** "chunk 1 (items 1000-1999)". */
    public String describe() {
        return "chunk " + index + " (items " + firstItem + "-" + lastItem() + ")";
    }
}
