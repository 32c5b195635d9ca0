package dev.feedserver.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

/** Renders the precompiled JTE templates (compiled at build time by jte-maven-plugin). */
public final class PageRenderer {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  public byte[] index(Pages.IndexPage page) {
    return render("index.jte", page);
  }

  public byte[] topic(Pages.TopicPage page) {
    return render("topic.jte", page);
  }

  public byte[] entry(Pages.EntryPage page) {
    return render("entry.jte", page);
  }

  public byte[] embed(Pages.EmbedPage page) {
    return render("embed.jte", page);
  }

  public byte[] preview(Pages.PreviewPage page) {
    return render("preview.jte", page);
  }

  public byte[] notFound(Pages.NotFoundPage page) {
    return render("notFound.jte", page);
  }

  private byte[] render(String template, Object page) {
    Utf8ByteOutput output = new Utf8ByteOutput();
    engine.render(template, page, output);
    return output.toByteArray();
  }
}
