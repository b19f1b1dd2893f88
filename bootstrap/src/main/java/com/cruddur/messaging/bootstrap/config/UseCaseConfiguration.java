package com.cruddur.messaging.bootstrap.config;

import com.cruddur.messaging.application.BlockUser;
import com.cruddur.messaging.application.Cursors;
import com.cruddur.messaging.application.DeleteMessage;
import com.cruddur.messaging.application.DistinctMicrosClock;
import com.cruddur.messaging.application.EditMessage;
import com.cruddur.messaging.application.IdentifyCaller;
import com.cruddur.messaging.application.ListBlocks;
import com.cruddur.messaging.application.ListMessageGroups;
import com.cruddur.messaging.application.ListMessages;
import com.cruddur.messaging.application.MarkConversationRead;
import com.cruddur.messaging.application.MoveGroupsToNewestMessage;
import com.cruddur.messaging.application.SendMessage;
import com.cruddur.messaging.application.ListUsers;
import com.cruddur.messaging.application.ShowUser;
import com.cruddur.messaging.application.StartConversation;
import com.cruddur.messaging.application.UnblockUser;
import com.cruddur.messaging.application.live.Announcements;
import com.cruddur.messaging.application.port.Blocks;
import com.cruddur.messaging.application.port.Ids;
import com.cruddur.messaging.application.port.MessageGroups;
import com.cruddur.messaging.application.port.Messages;
import com.cruddur.messaging.application.port.UserDirectory;
import java.time.Clock;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, framework-free classes, wired explicitly over whichever adapters the profile provides. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdempotencyProperties.class, EditProperties.class})
public class UseCaseConfiguration {

    /** Each message of this instance its own instant (see {@link DistinctMicrosClock}). */
    @Bean
    Clock clock() {
        return new DistinctMicrosClock(Clock.systemUTC());
    }

    @Bean
    Ids ids() {
        return Ids.random();
    }

    /**
     * Cursors are signed; with no configured key they stay valid only while this process runs, which is fine for
     * one instance. Several instances behind a load balancer need the same {@code cruddur.cursor-key}.
     */
    @Bean
    Cursors cursors(@Value("${cruddur.cursor-key:}") String base64Key) {
        if (base64Key.isBlank()) {
            return Cursors.withRandomKey();
        }
        try {
            return new Cursors(Base64.getDecoder().decode(base64Key.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cruddur.cursor-key must be a base64 key of at least 16 bytes (32 is best): " + e.getMessage(), e);
        }
    }

    @Bean
    ListMessages listMessages(MessageGroups groups, Messages messages, Cursors cursors) {
        return new ListMessages(groups, messages, cursors);
    }

    @Bean
    ListMessageGroups listMessageGroups(MessageGroups groups, Cursors cursors) {
        return new ListMessageGroups(groups, cursors);
    }

    @Bean
    SendMessage sendMessage(MessageGroups groups, Messages messages, Ids ids, Clock clock,
                            IdempotencyProperties idempotency, Announcements announcements) {
        return new SendMessage(groups, messages, ids, clock, idempotency.toWindow(), announcements);
    }

    @Bean
    StartConversation startConversation(UserDirectory directory, MessageGroups groups, Blocks blocks,
                                        SendMessage sendMessage, Ids ids, Clock clock) {
        return new StartConversation(directory, groups, blocks, sendMessage, ids, clock);
    }

    @Bean
    MoveGroupsToNewestMessage moveGroupsToNewestMessage(MessageGroups groups, Messages messages) {
        return new MoveGroupsToNewestMessage(groups, messages);
    }

    @Bean
    MarkConversationRead markConversationRead(MessageGroups groups, Messages messages, Announcements announcements) {
        return new MarkConversationRead(groups, messages, announcements);
    }

    @Bean
    BlockUser blockUser(UserDirectory directory, MessageGroups groups, Blocks blocks, Clock clock) {
        return new BlockUser(directory, groups, blocks, clock);
    }

    @Bean
    UnblockUser unblockUser(UserDirectory directory, MessageGroups groups, Blocks blocks) {
        return new UnblockUser(directory, groups, blocks);
    }

    @Bean
    ListBlocks listBlocks(Blocks blocks, Cursors cursors) {
        return new ListBlocks(blocks, cursors);
    }

    @Bean
    EditMessage editMessage(MessageGroups groups, Messages messages, Clock clock, EditProperties edits,
                            Announcements announcements) {
        return new EditMessage(groups, messages, clock, edits.toWindow(), announcements);
    }

    @Bean
    DeleteMessage deleteMessage(MessageGroups groups, Messages messages, Clock clock, Announcements announcements) {
        return new DeleteMessage(groups, messages, clock, announcements);
    }

    @Bean
    IdentifyCaller identifyCaller(UserDirectory directory) {
        return new IdentifyCaller(directory);
    }

    @Bean
    ShowUser showUser(UserDirectory directory) {
        return new ShowUser(directory);
    }

    @Bean
    ListUsers listUsers(UserDirectory directory) {
        return new ListUsers(directory);
    }
}
