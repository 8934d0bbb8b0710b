# Runs moto server, with two changes to how it is served:
#
# 1. It ends when the JVM that started it is gone (even after kill -9 of the JVM, which runs no
#    shutdown hook): the parent's death re-parents this process, so getppid() changes.
# 2. It applies one DynamoDB request at a time. DynamoDB applies each request to an item
#    atomically; moto 5.2.1's threaded server does not: its update_item reads the item, checks the
#    condition and writes it back with no lock, so two conditional updates of one item that
#    overlap can both succeed and one of them is lost (32 clients taking stock lost 3 units in
#    1,911). moto runs in one interpreter, whose lock already lets one request compute at a time,
#    so serializing costs little. DynamoDB Streams requests (GetRecords) are left out: they only
#    read records moto appends, and a long read must not hold up the writes.
import os
import sys
import threading
import time

import moto.server
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

parent = os.getppid()


def follow_parent():
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


class OneDynamoDbRequestAtATime(DomainDispatcherApplication):
    """moto's dispatcher, holding one lock around every DynamoDB (not Streams) request."""

    _dynamodb = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET", "").startswith("DynamoDB_20120810."):
            with self._dynamodb:
                answer = super().__call__(environ, start_response)
                try:
                    # moto builds its whole answer before it returns it: this only copies it
                    return list(answer)
                finally:
                    if hasattr(answer, "close"):
                        answer.close()
        return super().__call__(environ, start_response)


moto.server.DomainDispatcherApplication = OneDynamoDbRequestAtATime
threading.Thread(target=follow_parent, name="parent-death-watch", daemon=True).start()
sys.exit(moto.server.main(sys.argv[1:]))
