package org.afyadial.store;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.bson.RawBsonDocument;

/** Extended JSON as the embedded server receives it: encoded by the driver, decoded by the server. */
final class ServerDocuments {

    private ServerDocuments() {
    }

    static Document parse(String json) {
        RawBsonDocument encoded = RawBsonDocument.parse(json);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(encoded.getByteBuffer().asNIO()));
    }
}
