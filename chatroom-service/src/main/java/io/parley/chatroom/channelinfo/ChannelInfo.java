package io.parley.chatroom.channelinfo;

import io.parley.events.Channel;
import io.parley.events.channel.ChannelAccountPublished.CustomInfoField;
import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;

/** chatroom-service's copy of a channel account's public snapshot. */
public record ChannelInfo(
        @BsonId String accountId,
        Channel channel,
        String name,
        boolean enabled,
        List<CustomInfoField> customInfo,
        Instant updatedAt) {

    public ChannelInfo {
        customInfo = List.copyOf(customInfo);
    }
}
