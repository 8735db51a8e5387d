# A second client's opinion: Python's imaplib against the server on the port given as argv[1].
import imaplib
import sys

port = int(sys.argv[1])
imap = imaplib.IMAP4("127.0.0.1", port)
assert "IMAP4REV1" in imap.capabilities, imap.capabilities
typ, _ = imap.login("alice@example.com", "secret")
assert typ == "OK"
typ, folders = imap.list()
assert typ == "OK" and any(b'"INBOX"' in f or b" INBOX" in f for f in folders), folders
typ, _ = imap.create("Python/Tests")
assert typ == "OK"
message = b"From: py@example.org\r\nSubject: from python\r\n\r\nhello from imaplib\r\n"
typ, data = imap.append("Python/Tests", "(\\Flagged)", None, message)
assert typ == "OK" and b"APPENDUID" in data[0], data
typ, data = imap.select("Python/Tests")
assert typ == "OK" and data[0] == b"1", data
typ, data = imap.fetch("1", "(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
assert typ == "OK", data
assert b"Subject: from python" in data[0][1], data
typ, data = imap.uid("SEARCH", None, "SUBJECT", "python")
assert typ == "OK" and data[0] == b"1", data
typ, data = imap.store("1", "+FLAGS", "(\\Deleted)")
assert typ == "OK" and b"\\Deleted" in data[0], data
typ, data = imap.expunge()
assert typ == "OK" and data[0] == b"1", data
typ, data = imap.status("Python/Tests", "(MESSAGES UIDNEXT)")
assert typ == "OK" and b"MESSAGES 0" in data[0], data
imap.close()
imap.logout()
print("imaplib OK")
