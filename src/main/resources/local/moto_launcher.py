# Runs moto server, and ends it when the JVM that started it is gone (even after kill -9 of the JVM,
# which runs no shutdown hook): the parent's death re-parents this process, so getppid() changes.
import os
import sys
import threading
import time

from moto.server import main

parent = os.getppid()


def follow_parent():
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(0)


threading.Thread(target=follow_parent, name="parent-death-watch", daemon=True).start()
sys.exit(main(sys.argv[1:]))
