package io.parley.ingest.web;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The widgets and web links of the web channel. */
@Component
public class WebEntryPoints {

    private final MongoCollection<Widget> widgets;
    private final MongoCollection<WebLink> links;

    public WebEntryPoints(MongoDatabase database) {
        this.widgets = database.getCollection("widgets", Widget.class);
        this.links = database.getCollection("web_links", WebLink.class);
    }

    public Optional<Widget> widget(String id) {
        return Optional.ofNullable(widgets.find(eq("_id", id)).first());
    }

    public Optional<WebLink> link(String id) {
        return Optional.ofNullable(links.find(eq("_id", id)).first());
    }

    public void save(Widget widget) {
        widgets.replaceOne(eq("_id", widget.id()), widget, new ReplaceOptions().upsert(true));
    }

    public void save(WebLink link) {
        links.replaceOne(eq("_id", link.id()), link, new ReplaceOptions().upsert(true));
    }
}
