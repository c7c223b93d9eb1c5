package org.afyadial.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/**
 * How the embedded store writes documents into its H2 file: as BSON, the form they arrive in. H2's default for an
 * object is Java serialization, which writes the class descriptions with every document and reads them back by
 * reflection; under load that took a tenth of the service's CPU. Each value starts with {@link #BSON}, which none
 * of H2's own type tags (all below 128) is: a value written any other way is refused rather than misread.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    static final BsonDocumentType INSTANCE = new BsonDocumentType();

    private static final byte BSON = (byte) 0xB5;
    /** Heap bytes a decoded document takes per byte of its BSON, roughly: H2 sizes its cache and pages by it. */
    private static final int HEAP_PER_BSON_BYTE = 4;

    /** A running average of the documents' BSON sizes; racy updates only blur an estimate. */
    private volatile int averageSize = 512;

    private BsonDocumentType() {
    }

    @Override
    public int getMemory(Document document) {
        return averageSize * HEAP_PER_BSON_BYTE;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(averageSize);
        try {
            BsonEncoder.encodeDocument(document, bson);
            buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
            sized(bson.readableBytes());
        } finally {
            bson.release();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            throw new IllegalStateException("A document in the store file is not BSON: the file was written by another program");
        }
        int start = buffer.position() + 1;
        // a BSON document starts with its own length, little-endian
        int length = Integer.reverseBytes(buffer.getInt(start));
        buffer.position(start + length);
        sized(length);
        return SharedStrings.INSTANCE.share(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(start, length))));
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    private void sized(int bytes) {
        averageSize = (averageSize * 15 + bytes) / 16;
    }
}
