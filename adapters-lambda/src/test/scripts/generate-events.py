#!/usr/bin/env python3
"""Writes the synthetic stream events the handler tests read, in the shape Lambda delivers them.

    python3 adapters-lambda/src/test/scripts/generate-events.py

- hundred-messages.json: 100 message INSERTs across 10 groups, interleaved. Message n (0..99) goes to group n % 10,
  is sent at 2026-11-22T11:00:00+00:00 plus n seconds, by andrewbrown or friend{g} in turn, with text "message n"; so
  the newest message of group g is number 90 + g.
Group A is between andrewbrown and bayko, group B between andrewbrown and londo.
- out-of-order.json: groups A and B whose records arrive in another order than their messages were sent, with the
  reference's offset-less and fraction-less timestamps. Newest: A "third" (12:00:03.5), B "b newest" (12:00:09).
- poison-in-the-middle.json: A, A, B, then a B message whose message_uuid is not a uuid (record 4), then B. Newest:
  A "a2", B "b2"; record 4 is reported.
- empty-and-null-images.json: message INSERTs with an empty and with no new image (records 1 and 2, reported),
  a group-row INSERT without image, a REMOVE, an INSERT whose pk is NULL, a MODIFY without image (all ignored) and
  one good A message (record 6).
- reference-items.json: message items some of the reference's scripts wrote: a B message without its text (record 1,
  read as empty: B's last message is empty, as pattern A lists it), an A message without the sender's display name
  (record 2), and an A message insert without a sequence number (record 3: it cannot be reported, so it is ignored).
mixed-batch.json is a recorded batch, kept as it was delivered.
"""
import json
import os
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
EVENTS = os.path.join(HERE, "..", "resources", "events")
ARN = ("arn:aws:dynamodb:ca-central-1:123456789012:table/cruddur-messages/stream/"
       "2026-11-20T09:00:00.000")
ANDREW = ("0e4b8f5d-3b1c-4f5a-9d0e-7a1b2c3d4e5f", "Andrew Brown", "andrewbrown")
BAYKO = ("9c1a7e2b-6d4f-4a3e-8b5c-1f2e3d4c5b6a", "Andrew Bayko", "bayko")
LONDO = ("4d7e2a91-8c3b-4e6f-a5d2-3b9c8e7f6a15", "Londo Mollari", "londo")


def friend(g):
    return ("6c2e8f4a-0b3d-4a7e-9f1c-%012d" % g, "Friend %d" % g, "friend%d" % g)


def group_id(g):
    return "3b5d0c7e-1a2f-4e6b-9c8d-%012d" % g


def message_id(n):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "cruddur-message-%d" % n))


def sequence_number(n):
    return "4421584500000000017450%06d" % (n * 100 + 100)


def message_insert(n, group, sender, created_at, text):
    pk = {"S": "MSG#" + group}
    sk = {"S": created_at}
    image = {
        "pk": pk, "sk": sk,
        "message_uuid": {"S": message_id(n)},
        "message": {"S": text},
        "user_uuid": {"S": sender[0]},
        "user_display_name": {"S": sender[1]},
        "user_handle": {"S": sender[2]},
    }
    return {
        "eventID": "%032x" % (0xC0FFEE0000 + n),
        "eventName": "INSERT",
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": "ca-central-1",
        "dynamodb": {
            "ApproximateCreationDateTime": 1795345200 + n,
            "Keys": {"pk": pk, "sk": sk},
            "NewImage": image,
            "SequenceNumber": sequence_number(n),
            "SizeBytes": 300 + len(text),
            "StreamViewType": "NEW_IMAGE",
        },
        "eventSourceARN": ARN,
    }


GROUP_A = "5ae290ed-55d1-47a0-bc6d-fe2bc2700399"
GROUP_B = "7f3c2b1a-9e8d-4c7b-a6f5-e4d3c2b1a098"


def out_of_order():
    return {"Records": [
        message_insert(1, GROUP_A, ANDREW, "2026-11-22T12:00:02.000000+00:00", "second"),
        message_insert(2, GROUP_A, BAYKO, "2026-11-22T12:00:03.500000", "third"),
        message_insert(3, GROUP_B, ANDREW, "2026-11-22T12:00:09+00:00", "b newest"),
        message_insert(4, GROUP_A, ANDREW, "2026-11-22T12:00:01.000000+00:00", "first"),
        message_insert(5, GROUP_B, LONDO, "2026-11-22T12:00:05.000000+00:00", "b older"),
    ]}


def poison_in_the_middle():
    poison = message_insert(4, GROUP_B, LONDO, "2026-11-22T12:00:04.000000+00:00", "poison")
    poison["dynamodb"]["NewImage"]["message_uuid"] = {"S": "not-a-uuid"}
    return {"Records": [
        message_insert(1, GROUP_A, ANDREW, "2026-11-22T12:00:01.000000+00:00", "a1"),
        message_insert(2, GROUP_A, BAYKO, "2026-11-22T12:00:02.000000+00:00", "a2"),
        message_insert(3, GROUP_B, ANDREW, "2026-11-22T12:00:03.000000+00:00", "b1"),
        poison,
        message_insert(5, GROUP_B, ANDREW, "2026-11-22T12:00:05.000000+00:00", "b2"),
    ]}


def empty_and_null_images():
    empty = message_insert(1, GROUP_A, ANDREW, "2026-11-22T12:00:01.000000+00:00", "empty image")
    empty["dynamodb"]["NewImage"] = {}
    missing = message_insert(2, GROUP_A, ANDREW, "2026-11-22T12:00:02.000000+00:00", "no image")
    del missing["dynamodb"]["NewImage"]
    group_row = message_insert(3, GROUP_A, ANDREW, "2026-11-22T12:00:03.000000+00:00", "group row")
    group_row["dynamodb"]["Keys"]["pk"] = {"S": "GRP#" + ANDREW[0]}
    del group_row["dynamodb"]["NewImage"]
    removed = message_insert(4, GROUP_A, ANDREW, "2026-11-22T12:00:04.000000+00:00", "removed")
    removed["eventName"] = "REMOVE"
    del removed["dynamodb"]["NewImage"]
    null_pk = message_insert(5, GROUP_A, ANDREW, "2026-11-22T12:00:05.000000+00:00", "null pk")
    del null_pk["dynamodb"]["Keys"]
    null_pk["dynamodb"]["NewImage"]["pk"] = {"NULL": True}
    good = message_insert(6, GROUP_A, BAYKO, "2026-11-22T12:00:06.000000+00:00", "the good one")
    modified = message_insert(7, GROUP_A, ANDREW, "2026-11-22T12:00:07.000000+00:00", "modified")
    modified["eventName"] = "MODIFY"
    del modified["dynamodb"]["NewImage"]
    return {"Records": [empty, missing, group_row, removed, null_pk, good, modified]}


def reference_items():
    without_text = message_insert(1, GROUP_B, LONDO, "2026-11-22T12:00:01.000000+00:00", "no text")
    del without_text["dynamodb"]["NewImage"]["message"]
    without_name = message_insert(2, GROUP_A, BAYKO, "2026-11-22T12:00:02.000000+00:00", "no display name")
    del without_name["dynamodb"]["NewImage"]["user_display_name"]
    without_sequence_number = message_insert(3, GROUP_A, ANDREW, "2026-11-22T12:00:03.000000+00:00", "unreportable")
    del without_sequence_number["dynamodb"]["SequenceNumber"]
    return {"Records": [without_text, without_name, without_sequence_number]}


def hundred_messages():
    records = []
    for n in range(100):
        g = n % 10
        sender = ANDREW if (n // 10) % 2 == 0 else friend(g)
        created_at = "2026-11-22T11:%02d:%02d.000000+00:00" % (n // 60, n % 60)
        records.append(message_insert(n, group_id(g), sender, created_at, "message %d" % n))
    return {"Records": records}


def write(name, event):
    with open(os.path.join(EVENTS, name), "w", encoding="utf-8") as out:
        json.dump(event, out, indent=2)
        out.write("\n")


if __name__ == "__main__":
    write("hundred-messages.json", hundred_messages())
    write("out-of-order.json", out_of_order())
    write("poison-in-the-middle.json", poison_in_the_middle())
    write("empty-and-null-images.json", empty_and_null_images())
    write("reference-items.json", reference_items())
