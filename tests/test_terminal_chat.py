"""Text piped into the terminal chat: a message written over several paragraphs is one
message, not one per line (a blind tester's heredoc was read as six turns)."""

from __future__ import annotations

from assistant.terminal_chat import piped_messages


def test_a_piped_message_with_paragraphs_is_one_message():
    text = "We run a bike shop in Leeds.\n\nTurnover is £600k.\nWe have a website.\n"
    assert piped_messages(text) == [text.strip()]


def test_lines_of_three_dashes_part_piped_messages():
    text = "Hi, we are Northwind Cycles.\n---\nabout 12 staff\n\nno webshop\n  ---  \nyes\n"
    assert piped_messages(text) == [
        "Hi, we are Northwind Cycles.",
        "about 12 staff\n\nno webshop",
        "yes",
    ]


def test_dashes_inside_a_line_do_not_part_it():
    assert piped_messages("Revenue --- about 2m --- up from 1.5m") == [
        "Revenue --- about 2m --- up from 1.5m"
    ]


def test_nothing_piped_is_no_message():
    assert piped_messages("\n  \n---\n") == []
