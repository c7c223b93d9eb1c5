#!/usr/bin/env python3
"""Where the CPU time goes in a JFR recording: share of execution samples per top frame and per layer."""
import collections
import json
import subprocess
import sys

recording, jfr = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "jfr"
# jfr prints 5 frames per stack unless told otherwise, which cuts request stacks off above the store calls
events = json.loads(subprocess.run([jfr, "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample", recording],
                                   check=True, capture_output=True, text=True).stdout)["recording"]["events"]
LAYERS = [("AfyaDial USSD engine", "org.afyadial.ussd."), ("AfyaDial other", "org.afyadial."),
          ("embedded store (mongo-java-server, H2)", ("de.bwaldvogel.", "org.h2.")),
          ("MongoDB driver / BSON", ("com.mongodb.", "org.bson.")), ("Micronaut Data", "io.micronaut.data."),
          ("Netty / HTTP", ("io.netty.", "io.micronaut.http.")), ("Micronaut other", "io.micronaut.")]
JDK = ("java.", "jdk.", "sun.")
# frames whose inclusive share is listed: AfyaDial's own, and the embedded store's query matching and serialization
WATCHED = ("org.afyadial.", "de.bwaldvogel.mongo.backend.AbstractMongoCollection.queryDocuments",
           "de.bwaldvogel.mongo.backend.AbstractMongoCollection.documentMatchesQuery", "java.io.ObjectOutputStream.writeObject",
           "io.micronaut.context.event.ApplicationEventPublisher", "io.micronaut.context.DefaultBeanContext.getBeansOfType")
top, layer, inclusive = collections.Counter(), collections.Counter(), collections.Counter()
for event in events:
    frames = event["values"]["stackTrace"]["frames"]
    if not frames:
        continue
    names = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in frames]
    top[names[0]] += 1
    stack = [f["method"]["type"]["name"].replace("/", ".") for f in frames]
    for name in set(n for n in names if n.startswith(WATCHED)):
        inclusive[name] += 1
    # a sample is charged to the library of its innermost non-JDK frame (JDK code runs on someone's behalf)
    owner = next((frame for frame in stack if not frame.startswith(JDK)), None)
    if owner is None:
        layer["JDK only (GC, I/O threads)"] += 1
    else:
        layer[next((label for label, prefixes in LAYERS if owner.startswith(prefixes)), "other libraries")] += 1
total = sum(top.values()) or 1
print(f"{total} CPU samples")
print("by library (innermost non-JDK frame):")
for label, count in layer.most_common():
    print(f"  {100 * count / total:5.1f}%  {label}")
print("watched methods on the stack (inclusive time):")
for name, count in inclusive.most_common(25):
    print(f"  {100 * count / total:5.1f}%  {name}")
print("hottest methods (self time):")
for name, count in top.most_common(15):
    print(f"  {100 * count / total:5.1f}%  {name}")
