package io.parley.ingest.web;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The widgets and web links of the web channel, their single writer. */
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

    public List<Widget> widgets() {
        return widgets.find().sort(ascending("_id")).into(new ArrayList<>());
    }

    public List<WebLink> links() {
        return links.find().sort(ascending("_id")).into(new ArrayList<>());
    }

    /** Creates or replaces a widget. */
    public void save(Widget widget) {
        widgets.replaceOne(eq("_id", widget.id()), widget, new ReplaceOptions().upsert(true));
    }

    /** Creates or replaces a web link. */
    public void save(WebLink link) {
        links.replaceOne(eq("_id", link.id()), link, new ReplaceOptions().upsert(true));
    }

    /** Creates a widget; false when one with its id exists. */
    public boolean insert(Widget widget) {
        return insertOnce(widgets, widget);
    }

    /** Creates a web link; false when one with its id exists. */
    public boolean insert(WebLink link) {
        return insertOnce(links, link);
    }

    public boolean deleteWidget(String id) {
        return widgets.deleteOne(eq("_id", id)).getDeletedCount() > 0;
    }

    public boolean deleteLink(String id) {
        return links.deleteOne(eq("_id", id)).getDeletedCount() > 0;
    }

    private static <T> boolean insertOnce(MongoCollection<T> collection, T document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
