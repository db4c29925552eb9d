package io.github.mlhighway.lifecycle.core.data.profile;

/**
 * One heavy hitter from the frequent-items sketch, with the sketch's guaranteed bounds on its true count.
 *
 * @param item       the category
 * @param estimate   estimated count
 * @param lowerBound the true count is at least this
 * @param upperBound the true count is at most this
 * @since 0.1
 */
public record FrequentItem(String item, long estimate, long lowerBound, long upperBound) {
}
