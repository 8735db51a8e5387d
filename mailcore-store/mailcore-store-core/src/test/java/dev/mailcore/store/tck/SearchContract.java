/*
 * Copyright 2026 The Mailcore Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package dev.mailcore.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mailcore.api.AppendRequest;
import dev.mailcore.api.AppendResult;
import dev.mailcore.api.EmailId;
import dev.mailcore.api.FlagChange;
import dev.mailcore.api.Flags;
import dev.mailcore.api.Keywords;
import dev.mailcore.api.MailboxId;
import dev.mailcore.api.UidSet;
import dev.mailcore.api.search.AddressField;
import dev.mailcore.api.search.DateComparison;
import dev.mailcore.api.search.DateField;
import dev.mailcore.api.search.EmailPage;
import dev.mailcore.api.search.SearchQuery;
import dev.mailcore.api.search.SortField;
import dev.mailcore.api.search.SortKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Searches through the engine: metadata criteria, content criteria through the index, combinations, sorting. */
public abstract class SearchContract extends EngineFixture {
    private MailboxId inbox;
    private AppendResult zebra;
    private AppendResult apple;
    private AppendResult mango;

    @BeforeEach
    void seed() {
        inbox = inbox(alice).id();
        zebra = append(
                alice,
                inbox,
                message(
                        "Zed <zed@zoo.example>",
                        "bob@example.com",
                        "Zebra sightings",
                        "stripes everywhere",
                        "z@x",
                        null));
        apple = append(
                alice,
                inbox,
                message(
                        "Anna <anna@farm.example>",
                        "carol@example.com",
                        "Re: apple harvest",
                        "crunchy " + "x".repeat(2_000),
                        "a@x",
                        null));
        mango = append(
                alice,
                inbox,
                message("Mo <mo@farm.example>", "bob@example.com", "Mango", "sweet and ripe", "m@x", null));
        engine.messages()
                .updateFlags(
                        alice,
                        inbox,
                        UidSet.of(mango.uid()),
                        FlagChange.add(Flags.of(Keywords.SEEN)),
                        OptionalLong.empty());
    }

    private long[] uids(SearchQuery query, SortKey... sort) {
        return engine.search().searchUids(alice, inbox, query, List.of(sort));
    }

    @Test
    void metadataCriteria() {
        assertThat(uids(SearchQuery.all())).containsExactly(1, 2, 3);
        assertThat(uids(new SearchQuery.HasKeyword(Keywords.SEEN))).containsExactly(mango.uid());
        assertThat(uids(SearchQuery.not(new SearchQuery.HasKeyword(Keywords.SEEN))))
                .containsExactly(1, 2);
        assertThat(uids(new SearchQuery.Size(true, 1_000))).containsExactly(apple.uid());
        assertThat(uids(new SearchQuery.Uids(UidSet.range(2, UidSet.MAX_UID)))).containsExactly(2, 3);
        assertThat(uids(new SearchQuery.ModSeqAtLeast(mango.modSeq() + 1))).containsExactly(mango.uid());
        assertThat(uids(new SearchQuery.EmailIds(Set.of(zebra.emailId())))).containsExactly(zebra.uid());
        assertThat(uids(new SearchQuery.OnDate(DateField.SENT, DateComparison.ON, LocalDate.of(2026, 1, 2))))
                .containsExactly(1, 2, 3);
        assertThat(uids(new SearchQuery.OnDate(DateField.SENT, DateComparison.BEFORE, LocalDate.of(2026, 1, 2))))
                .isEmpty();
        assertThat(uids(SearchQuery.and())).containsExactly(1, 2, 3);
        assertThat(uids(SearchQuery.or())).isEmpty();
    }

    @Test
    void contentCriteriaGoThroughTheIndex() {
        assertThat(uids(new SearchQuery.SubjectContains("SIGHTING"))).containsExactly(zebra.uid());
        assertThat(uids(new SearchQuery.AddressContains(AddressField.FROM, "farm.example")))
                .containsExactly(2, 3);
        assertThat(uids(new SearchQuery.BodyContains("sweet"))).containsExactly(mango.uid());
        assertThat(uids(new SearchQuery.TextContains("crunchy"))).containsExactly(apple.uid());
        assertThat(uids(new SearchQuery.HeaderContains("Message-ID", "z@x"))).containsExactly(zebra.uid());
    }

    @Test
    void contentAndMetadataCombine() {
        SearchQuery unseenFromFarm = SearchQuery.and(
                new SearchQuery.AddressContains(AddressField.FROM, "farm"),
                SearchQuery.not(new SearchQuery.HasKeyword(Keywords.SEEN)));
        assertThat(uids(unseenFromFarm)).containsExactly(apple.uid());
        SearchQuery either =
                SearchQuery.or(new SearchQuery.BodyContains("stripes"), new SearchQuery.HasKeyword(Keywords.SEEN));
        assertThat(uids(either)).containsExactly(zebra.uid(), mango.uid());
        assertThat(uids(SearchQuery.not(new SearchQuery.SubjectContains("mango"))))
                .containsExactly(1, 2);
    }

    @Test
    void sortOrders() {
        assertThat(uids(SearchQuery.all(), SortKey.ascending(SortField.SUBJECT)))
                .containsExactly(apple.uid(), mango.uid(), zebra.uid());
        assertThat(uids(SearchQuery.all(), SortKey.descending(SortField.SIZE)).length)
                .isEqualTo(3);
        assertThat(uids(SearchQuery.all(), SortKey.descending(SortField.SIZE))[0])
                .isEqualTo(apple.uid());
        assertThat(uids(SearchQuery.all(), SortKey.ascending(SortField.FROM)))
                .containsExactly(apple.uid(), mango.uid(), zebra.uid());
        assertThat(uids(SearchQuery.all(), SortKey.ascending(SortField.DISPLAY_FROM)))
                .containsExactly(apple.uid(), mango.uid(), zebra.uid());
        assertThat(uids(SearchQuery.all(), SortKey.descending(SortField.ARRIVAL), SortKey.ascending(SortField.SUBJECT)))
                .hasSize(3);
    }

    @Test
    void accountWideSearch() {
        MailboxId other = engine.mailboxes().create(alice, "Other", null).id();
        engine.messages().copy(alice, inbox, UidSet.of(zebra.uid()), other);
        assertThat(engine.search().searchEmails(alice, new SearchQuery.InMailbox(other), List.of()))
                .containsExactly(zebra.emailId());
        assertThat(engine.search().searchEmails(alice, SearchQuery.all(), List.of()))
                .containsExactlyInAnyOrder(zebra.emailId(), apple.emailId(), mango.emailId());
        assertThat(engine.search().searchEmails(bob, SearchQuery.all(), List.of()))
                .isEmpty();
    }

    @Test
    void aMailboxListedNewestFirstIsReadOnePageAtATime() {
        MailboxId list = engine.mailboxes().create(alice, "List", null).id();
        Instant t = Instant.parse("2026-03-04T05:06:07Z");
        // Out of arrival order, and four received at the same instant: the page must break ties as the search does.
        for (int offset : new int[] {0, 30, 0, -30, 0, 90, 0}) {
            engine.messages()
                    .append(
                            alice,
                            list,
                            new AppendRequest(stream(message("at " + offset, "x")), Set.of(), t.plusSeconds(offset)));
        }
        SearchQuery inList = new SearchQuery.InMailbox(list);
        List<EmailId> all = engine.search().searchEmails(alice, inList, List.of());
        assertThat(all).hasSize(7);
        for (List<SortKey> sort : List.of(List.<SortKey>of(), List.of(SortKey.descending(SortField.ARRIVAL)))) {
            assertThat(engine.search().searchEmails(alice, inList, sort)).isEqualTo(all);
            assertThat(engine.search().searchEmailPage(alice, inList, sort, 0, 3))
                    .contains(new EmailPage(all.subList(0, 3), 0, 7));
            assertThat(engine.search().searchEmailPage(alice, inList, sort, 3, 3))
                    .contains(new EmailPage(all.subList(3, 6), 3, 7));
            assertThat(engine.search().searchEmailPage(alice, inList, sort, 6, 50))
                    .contains(new EmailPage(all.subList(6, 7), 6, 7));
            assertThat(engine.search().searchEmailPage(alice, inList, sort, 9, 50))
                    .contains(new EmailPage(List.of(), 7, 7));
        }
        // Other queries and orders need the whole result: the caller pages searchEmails itself.
        assertThat(engine.search().searchEmailPage(alice, inList, List.of(SortKey.ascending(SortField.ARRIVAL)), 0, 3))
                .isEmpty();
        assertThat(engine.search()
                        .searchEmailPage(
                                alice,
                                SearchQuery.and(inList, new SearchQuery.HasKeyword(Keywords.SEEN)),
                                List.of(),
                                0,
                                3))
                .isEmpty();
        assertThat(engine.search()
                        .searchEmailPage(alice, new SearchQuery.InMailbox(MailboxId.of("nowhere")), List.of(), 0, 3))
                .contains(new EmailPage(List.of(), 0, 0));
    }

    @Test
    void expungedMessagesAreNotFound() {
        engine.messages()
                .updateFlags(
                        alice,
                        inbox,
                        UidSet.of(zebra.uid()),
                        FlagChange.add(new Flags(Set.of(), true)),
                        OptionalLong.empty());
        assertThat(uids(SearchQuery.Deleted.INSTANCE)).containsExactly(zebra.uid());
        engine.messages().expunge(alice, inbox, null);
        assertThat(uids(new SearchQuery.SubjectContains("zebra"))).isEmpty();
        assertThat(engine.search().searchEmails(alice, new SearchQuery.SubjectContains("zebra"), List.of()))
                .isEmpty();
    }

    @Test
    void reindexFillsAnEmptyIndexFromTheStoredContent() {
        engine.close();
        index.close();
        index = adapters().newSearchIndex();
        startEngineOver(index);
        assertThat(uids(new SearchQuery.SubjectContains("zebra"))).isEmpty();
        assertThat(engine.reindex(alice)).isEqualTo(3);
        assertThat(uids(new SearchQuery.SubjectContains("zebra"))).containsExactly(zebra.uid());
        assertThat(uids(new SearchQuery.BodyContains("crunchy"))).containsExactly(apple.uid());
    }
}
