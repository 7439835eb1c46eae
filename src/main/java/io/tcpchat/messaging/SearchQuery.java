package io.tcpchat.messaging;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.tcpchat.error.ChatException;

/**
 * What {@code //search} looks for: every word must begin a word of the message, ignoring case ("dep" finds
 * "deployed"). The same rule on both databases: a regular expression per word decides; on MariaDB the full-text
 * index narrows the rows first for the words it can index.
 */
record SearchQuery(List<String> words) {

	static final int MAX_WORDS = 8;

	/** InnoDB ignores shorter words ({@code innodb_ft_min_token_size}) and these ({@code INNODB_FT_DEFAULT_STOPWORD}). */
	private static final int MIN_INDEXED_LENGTH = 3;

	private static final Set<String> STOPWORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com",
			"de", "en", "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this",
			"to", "was", "what", "when", "where", "who", "will", "with", "und", "www");

	private static final Pattern INDEXABLE = Pattern.compile("[\\p{L}\\p{N}]+");

	static SearchQuery parse(String text) {
		List<String> words = Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).distinct().toList();
		if (words.isEmpty()) {
			throw ChatException.invalid("Search for at least one word.");
		}
		if (words.size() > MAX_WORDS) {
			throw ChatException.invalid("Search for at most " + MAX_WORDS + " words.");
		}
		return new SearchQuery(words);
	}

	/** One regular expression per word, for {@code REGEXP} (MariaDB, PCRE) and {@code REGEXP_LIKE} (H2, Java). */
	List<String> patterns() {
		return this.words.stream().map(word -> "(?i)(^|\\W)\\Q" + word.replace("\\E", "\\E\\\\E\\Q") + "\\E").toList();
	}

	/**
	 * The words the full-text index knows, as an InnoDB boolean-mode query ({@code +deploy* +friday*}); empty if
	 * none can be used.
	 */
	String fullText() {
		return this.words.stream()
			.filter(word -> INDEXABLE.matcher(word).matches())
			.filter(word -> word.length() >= MIN_INDEXED_LENGTH && !STOPWORDS.contains(word.toLowerCase(Locale.ROOT)))
			.map(word -> "+" + word + "*")
			.collect(Collectors.joining(" "));
	}

}
