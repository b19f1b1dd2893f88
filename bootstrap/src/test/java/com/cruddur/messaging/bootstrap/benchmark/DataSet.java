package com.cruddur.messaging.bootstrap.benchmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The shape of the seeded data, decided up front from the sizes and a fixed seed, so every run seeds the same
 * skew: a few hot users take part in hundreds of conversations (half of them), a few hot conversations hold
 * thousands of messages (two fifths of them), the rest spread evenly.
 */
final class DataSet {

    record User(int index, UUID uuid, String handle, String displayName, String subject) {
    }

    /** Two users who have (or will have) one conversation; {@code first} starts it. */
    record Pair(User first, User second) {
        String key() {
            return Math.min(first.index(), second.index()) + "-" + Math.max(first.index(), second.index());
        }
    }

    /** One message after the conversation's first: who sends it into which conversation. */
    record Send(int conversation, User sender) {
    }

    static final double HOT_USERS_SHARE = 0.5;
    static final double HOT_CONVERSATIONS_SHARE = 0.4;

    private final List<User> users;
    private final List<Pair> conversations;
    private final List<Send> sends;
    private final Set<String> taken;

    private DataSet(List<User> users, List<Pair> conversations, List<Send> sends, Set<String> taken) {
        this.users = users;
        this.conversations = conversations;
        this.sends = sends;
        this.taken = taken;
    }

    static DataSet plan(int userCount, int conversationCount, int messageCount, long seed) {
        if (userCount < 4) {
            throw new IllegalArgumentException("at least 4 users");
        }
        long maxPairs = (long) userCount * (userCount - 1) / 2;
        if (conversationCount > maxPairs / 2) {
            throw new IllegalArgumentException(userCount + " users allow at most " + maxPairs / 2
                    + " conversations (half the pairs stay free for pattern D)");
        }
        Random random = new Random(seed);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < userCount; i++) {
            users.add(new User(i, new UUID(random.nextLong(), random.nextLong()), String.format("bench%04d", i),
                    "Bench User " + i, new UUID(random.nextLong(), random.nextLong()).toString()));
        }
        Set<String> taken = new HashSet<>();
        List<Pair> conversations = new ArrayList<>();
        int hotUsers = Math.max(1, userCount / 50);
        int perHotUser = Math.min(userCount - 1, (int) (conversationCount * HOT_USERS_SHARE / hotUsers));
        for (int h = 0; h < hotUsers; h++) {
            List<User> others = new ArrayList<>(users);
            java.util.Collections.shuffle(others, random);
            for (User other : others) {
                if (conversations.size() >= (h + 1) * perHotUser || conversations.size() >= conversationCount) {
                    break;
                }
                add(new Pair(users.get(h), other), conversations, taken);
            }
        }
        while (conversations.size() < conversationCount) {
            add(new Pair(users.get(random.nextInt(userCount)), users.get(random.nextInt(userCount))),
                    conversations, taken);
        }
        List<Send> sends = new ArrayList<>();
        int hotConversations = Math.max(1, conversationCount / 250);
        int later = Math.max(0, messageCount - conversationCount);
        for (int i = 0; i < later; i++) {
            int conversation = random.nextDouble() < HOT_CONVERSATIONS_SHARE
                    ? random.nextInt(hotConversations) : random.nextInt(conversationCount);
            Pair pair = conversations.get(conversation);
            sends.add(new Send(conversation, random.nextBoolean() ? pair.first() : pair.second()));
        }
        return new DataSet(users, conversations, sends, taken);
    }

    private static void add(Pair pair, List<Pair> conversations, Set<String> taken) {
        if (pair.first().index() != pair.second().index() && taken.add(pair.key())) {
            conversations.add(pair);
        }
    }

    List<User> users() {
        return users;
    }

    List<Pair> conversations() {
        return conversations;
    }

    List<Send> sends() {
        return sends;
    }

    /** Pairs with no conversation yet, for pattern D's load (each used once). */
    List<Pair> freePairs(int wanted, long seed) {
        Random random = new Random(seed);
        Map<String, Pair> free = new LinkedHashMap<>();
        int attempts = 0;
        while (free.size() < wanted && attempts++ < wanted * 20) {
            User a = users.get(random.nextInt(users.size()));
            User b = users.get(random.nextInt(users.size()));
            Pair pair = new Pair(a, b);
            if (a.index() != b.index() && !taken.contains(pair.key())) {
                free.putIfAbsent(pair.key(), pair);
            }
        }
        return new ArrayList<>(free.values());
    }

    /** The largest number of conversations one user takes part in (the skew, as the report states it). */
    int largestInbox() {
        int[] counts = new int[users.size()];
        conversations.forEach(pair -> {
            counts[pair.first().index()]++;
            counts[pair.second().index()]++;
        });
        return java.util.Arrays.stream(counts).max().orElse(0);
    }

    /** The largest number of messages one conversation holds (its first message included). */
    int largestConversation() {
        int[] counts = new int[conversations.size()];
        sends.forEach(send -> counts[send.conversation()]++);
        return java.util.Arrays.stream(counts).max().orElse(0) + 1;
    }
}
