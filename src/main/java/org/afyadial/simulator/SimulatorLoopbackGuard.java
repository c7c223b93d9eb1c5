package org.afyadial.simulator;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.core.annotation.Nullable;

import java.net.InetSocketAddress;

/**
 * The simulator answers callers on this machine only, unless {@code SIMULATOR_ENABLED=true} opens it
 * to the network (a demo on a clinic's LAN). The caller is the connection's own address: a forwarding
 * header is not evidence of anything.
 */
@ServerFilter("/simulator/**")
@Requires(condition = SimulatorAvailable.class)
class SimulatorLoopbackGuard {

    private final boolean openToNetwork;

    SimulatorLoopbackGuard(@Value("${" + SimulatorAvailable.ENABLED + ":}") String enabled) {
        this.openToNetwork = enabled.equals("true");
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseRemoteCallers(HttpRequest<?> request) {
        return allows(request.getRemoteAddress()) ? null : HttpResponse.status(HttpStatus.NOT_FOUND);
    }

    boolean allows(InetSocketAddress caller) {
        return openToNetwork || (caller.getAddress() != null && caller.getAddress().isLoopbackAddress());
    }
}
