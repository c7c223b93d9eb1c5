package org.afyadial.store;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend plus the two session commands the MongoDB driver relies on:
 * without {@code logicalSessionTimeoutMinutes} in the handshake the driver refuses the
 * implicit sessions Micronaut Data opens, and {@code endSessions} is sent when a client closes.
 */
final class SessionSupportingBackend extends H2Backend {

    private static final int SESSION_TIMEOUT_MINUTES = 30;

    SessionSupportingBackend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (command.equalsIgnoreCase("endSessions")) {
            return new Document("ok", 1.0);
        }
        Document answer = super.handleCommand(channel, database, command, query);
        if (command.equals("hello") || command.equalsIgnoreCase("isMaster")) {
            answer.put("logicalSessionTimeoutMinutes", SESSION_TIMEOUT_MINUTES);
        }
        return answer;
    }
}
