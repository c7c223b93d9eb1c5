package org.afyadial.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoDriverInformation;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.internal.Clusters;
import com.mongodb.client.internal.MongoClientImpl;
import com.mongodb.connection.AsyncCompletionHandler;
import com.mongodb.connection.SocketSettings;
import com.mongodb.connection.SslSettings;
import com.mongodb.internal.connection.OperationContext;
import com.mongodb.internal.connection.Stream;
import com.mongodb.internal.connection.StreamFactory;
import com.mongodb.internal.connection.StreamFactoryFactory;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultChannelId;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.bson.ByteBuf;
import org.bson.ByteBufNIO;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The service's own connections to the embedded server. Each one runs the server's wire pipeline (the same
 * handlers its TCP listener uses) in an {@link EmbeddedChannel}: a command is decoded, executed and answered in
 * the thread that sends it. Over the loopback socket every store round trip cost several system calls and a
 * hand-over to one of the server's event-loop threads and back, a large share of a USSD hop on a 2-core machine.
 * The TCP listener stays for tools outside the service, and serves the service too before Java 24: there a virtual
 * thread waiting for a monitor (the server's collections are {@code synchronized}) holds its carrier thread, so the
 * requests' virtual threads must not run the server's code.
 * <p>
 * Since driver 5 the stream API is internal: its public transport settings name Netty socket channels only. This
 * class and {@link #client} are the only code that touches it; {@code InProcessStreamsTest} fails when a driver
 * upgrade changes what they rely on.
 */
final class InProcessStreams implements StreamFactoryFactory {

    /** Whether a virtual thread waiting for a monitor releases its carrier (JEP 491, Java 24). */
    static final boolean SUPPORTED = Runtime.version().feature() >= 24;

    private final MongoBackend backend;
    private final ChannelGroup clients = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

    InProcessStreams(MongoBackend backend) {
        this.backend = backend;
    }

    /**
     * A client whose connections are these streams: what {@code MongoClients.create} does, with a stream factory
     * that it only takes from Netty transport settings. Closing the client closes the streams.
     */
    MongoClient client(MongoClientSettings settings) {
        MongoDriverInformation driver = MongoDriverInformation.builder().driverName("sync").build();
        return new MongoClientImpl(Clusters.createCluster(settings, driver, this), settings, driver, this);
    }

    @Override
    public StreamFactory create(SocketSettings socketSettings, SslSettings sslSettings) {
        return InProcessStream::new;
    }

    @Override
    public void close() {
        clients.close().awaitUninterruptibly();
    }

    /** A connection used by one thread at a time, as the driver's pool hands it out. */
    private final class InProcessStream implements Stream {

        private final ServerAddress address;
        private EmbeddedChannel channel;
        /** The server's answers not yet read by the driver. */
        private io.netty.buffer.ByteBuf unread = Unpooled.EMPTY_BUFFER;

        InProcessStream(ServerAddress address) {
            this.address = address;
        }

        @Override
        public void open(OperationContext context) {
            // its own id: embedded channels otherwise share one, and a channel group keeps one channel per id
            channel = new EmbeddedChannel(DefaultChannelId.newInstance(), new MongoWireReplyEncoder(),
                    new MongoWireMessageEncoder(), new MongoWireProtocolHandler(),
                    new MongoDatabaseHandler(backend, clients), new MongoExceptionHandler());
        }

        @Override
        public void write(List<ByteBuf> buffers, OperationContext context) throws IOException {
            if (isClosed()) {
                throw new IOException("connection to the embedded store closed");
            }
            int length = buffers.stream().mapToInt(ByteBuf::remaining).sum();
            io.netty.buffer.ByteBuf message = Unpooled.buffer(length);
            buffers.forEach(buffer -> message.writeBytes(buffer.asNIO()));
            channel.writeInbound(message);
            for (io.netty.buffer.ByteBuf answer; (answer = channel.readOutbound()) != null; ) {
                unread = append(unread, answer);
            }
        }

        private static io.netty.buffer.ByteBuf append(io.netty.buffer.ByteBuf unread, io.netty.buffer.ByteBuf answer) {
            if (unread.isReadable()) {
                return Unpooled.wrappedBuffer(unread, answer);
            }
            unread.release();
            return answer;
        }

        /** No timeout applies: the answer was written before {@link #write} returned. */
        @Override
        public ByteBuf read(int numBytes, OperationContext context) throws IOException {
            if (unread.readableBytes() < numBytes) {
                throw new IOException("the embedded store sent no answer"
                        + (isClosed() ? " and closed the connection" : ""));
            }
            ByteBuffer bytes = ByteBuffer.allocate(numBytes);
            unread.readBytes(bytes);
            return new ByteBufNIO(bytes.flip());
        }

        @Override
        public ByteBuf getBuffer(int size) {
            return new ByteBufNIO(ByteBuffer.allocate(size));
        }

        @Override
        public void openAsync(OperationContext context, AsyncCompletionHandler<Void> handler) {
            open(context);
            handler.completed(null);
        }

        @Override
        public void writeAsync(List<ByteBuf> buffers, OperationContext context, AsyncCompletionHandler<Void> handler) {
            try {
                write(buffers, context);
                handler.completed(null);
            } catch (IOException e) {
                handler.failed(e);
            }
        }

        @Override
        public void readAsync(int numBytes, OperationContext context, AsyncCompletionHandler<ByteBuf> handler) {
            try {
                handler.completed(read(numBytes, context));
            } catch (IOException e) {
                handler.failed(e);
            }
        }

        @Override
        public ServerAddress getAddress() {
            return address;
        }

        @Override
        public void close() {
            if (channel != null) {
                channel.finishAndReleaseAll();
            }
            unread.release();
            unread = Unpooled.EMPTY_BUFFER;
        }

        @Override
        public boolean isClosed() {
            return channel == null || !channel.isOpen();
        }
    }
}
