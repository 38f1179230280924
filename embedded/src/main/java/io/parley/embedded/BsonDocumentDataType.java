package io.parley.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.jspecify.annotations.Nullable;

/**
 * How the embedded store writes a collection's documents into its H2 file: as BSON, the form they came over
 * the wire in, instead of H2's default Java serialization, which wrote every document of a changed page again
 * with {@code ObjectOutputStream} (a quarter of the suite's CPU in issue 8's load benchmark).
 *
 * <p>Each value starts with a tag byte: {@link #BSON} for a BSON document; anything else is read and written
 * by H2's {@link ObjectDataType} with its own tags (none of which is {@link #BSON}). So files written before
 * read as they did, a page may mix both forms, and a value BSON cannot carry falls back to the old form.
 */
final class BsonDocumentDataType extends BasicDataType<Object> {

    /** The tag of a BSON value: a number {@link ObjectDataType} does not use (it uses 0-14, 19, 32-49, 64-119). */
    static final byte BSON = 25;

    /** What {@link #writeBson} returns when it wrote nothing. */
    static final int NOT_BSON = -1;

    private final ObjectDataType fallback = new ObjectDataType();

    /** A running average of the BSON size, as H2 estimates serialized values (page cache, commit size). */
    private volatile int averageSize = 1_024;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageSize : fallback.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        int size = value instanceof Document document ? writeBson(buffer, document) : NOT_BSON;
        if (size == NOT_BSON) {
            fallback.write(buffer, value);
        } else {
            averageSize = (int) ((size + 15L * averageSize) / 16);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        Document document = readBson(buffer);
        return document == null ? fallback.read(buffer) : document;
    }

    /**
     * Writes the tag and the map as BSON and returns the BSON's size; returns {@link #NOT_BSON} (nothing
     * written) when BSON cannot carry one of its values.
     */
    static int writeBson(WriteBuffer buffer, Map<String, ?> document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int size = bson.readableBytes();
            buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
            return size;
        } catch (RuntimeException notBson) {
            return NOT_BSON;
        } finally {
            bson.release();
        }
    }

    /** Reads a tagged BSON document, or returns null (nothing read) when the next value is not one. */
    static @Nullable Document readBson(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return null;
        }
        buffer.get(); // the tag
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson); // reads its own length
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    @Override
    public int compare(Object a, Object b) {
        return fallback.compare(a, b);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
