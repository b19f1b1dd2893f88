package com.cruddur.messaging.bootstrap.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server that holds every connection back (accepted, nothing passed on
 * in either direction) until {@link #release()}: a store that is up but does not answer yet, as a slow DynamoDB or
 * database looks to its clients. After the release it passes everything through.
 */
final class HeldBackProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final CountDownLatch released = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "held-back-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    HeldBackProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.submit(this::acceptAll);
    }

    int port() {
        return listener.getLocalPort();
    }

    void release() {
        released.countDown();
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                threads.submit(() -> relay(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void relay(Socket client) {
        try {
            released.await();
            Socket upstream = new Socket(target.getHostString(), target.getPort());
            sockets.add(upstream);
            threads.submit(() -> copy(upstream.getInputStream(), client.getOutputStream(), client, upstream));
            copy(client.getInputStream(), upstream.getOutputStream(), client, upstream);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client);
        }
    }

    private static Void copy(InputStream from, OutputStream to, Socket one, Socket other) {
        try {
            from.transferTo(to);
        } catch (IOException ignored) {
            // one side went away; both are closed below
        }
        closeQuietly(one);
        closeQuietly(other);
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(HeldBackProxy::closeQuietly);
        threads.shutdownNow();
    }
}
