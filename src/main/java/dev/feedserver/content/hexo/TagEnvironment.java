package dev.feedserver.content.hexo;

/** What a tag plugin may use while it renders: the post's context, warnings, Markdown for its body. */
interface TagEnvironment {

  PostContext context();

  /** Reports a problem at a 1-based line of the post body. */
  void warn(int line, String message);

  /**
   * Renders Markdown with its own tags, as a tag's body.
   *
   * @param markdown  the body
   * @param firstLine the 0-based index, in the post body, of the body's first line
   * @return the HTML, with its tags rendered
   */
  String renderMarkdown(String markdown, int firstLine);
}
