package dev.feedserver.content;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * One instance of each name and list of names (categories, tags, authors: most articles repeat a
 * few) among the articles read in one pass, so memory grows with the distinct names, not with every
 * mention. Safe for the pass's reading threads. It lives as long as its pass: a name no article
 * holds any more is not kept, and a file read in a later pass (a change) makes its own few
 * instances.
 *
 * <p>A plain map per pass rather than one weak interner for all of them (Caffeine's, before): no
 * weak references, reference queue or cache upkeep per name, and much less code for the JIT to
 * compile while the files are read; a first start at 10,000 articles takes ~0.2 s less CPU.
 */
public final class SharedNames {
  private final ConcurrentHashMap<Object, Object> instances = new ConcurrentHashMap<>();

  /** The shared instance of a name. */
  public String name(String name) {
    return (String) shared(name);
  }

  /** The shared instance of a list of names, itself of the shared names. */
  public List<String> names(List<String> names) {
    return list(names, this::name);
  }

  /** The shared instance of a list of category paths, each a shared list of shared names. */
  public List<List<String>> paths(List<List<String>> paths) {
    return list(paths, this::names);
  }

  /** A loop, not a stream: it runs for every file read. */
  @SuppressWarnings("unchecked")
  private <T> List<T> list(List<T> items, UnaryOperator<T> sharedItem) {
    Object[] each = new Object[items.size()];
    for (int i = 0; i < each.length; i++) {
      each[i] = sharedItem.apply(items.get(i));
    }
    return (List<T>) shared(List.of(each));
  }

  private Object shared(Object value) {
    Object known = instances.get(value);
    if (known != null) {
      return known;
    }
    known = instances.putIfAbsent(value, value);
    return known == null ? value : known;
  }
}
