#!/usr/bin/env python3
"""A slow file system: a FUSE passthrough of a folder that waits before every operation.

    python3 benches/slowfs.py BACKING MOUNTPOINT [--latency-ms N]
    fusermount -u MOUNTPOINT        # ends it

Stands in for a Windows file share, where every file operation is a round trip to the
server: each call the kernel makes (lookup/getattr, open/create, read, write, flush, release,
rename, unlink, mkdir, rmdir, readdir, fsync, chmod, utimens, truncate …) sleeps N ms (default
2) before it is passed on to BACKING. It runs in the foreground, multithreaded: calls in
flight at once wait at once, as requests pipelined to a share do. Rename over an existing
file replaces it atomically (os.rename). What it does not simulate: bandwidth (data moves at
local speed, in writes and reads of up to 128 KB, each paying the latency), and caching
beyond the kernel's 1 s for names and attributes (FUSE's default, like cifs's actimeo=1).
Extended attributes are not supported (ENOSYS, so the kernel stops asking instead of paying
a round trip on every write). Runs as root (mounted without allow_other: only root sees it).

Needs fusepy (pip install fusepy) and libfuse2 (Debian: apt-get install fuse libfuse2).
"""
import argparse
import os
import time

from fuse import FUSE, FuseOSError, Operations  # fusepy


class SlowPassthrough(Operations):
    use_ns = True
    # Not offered (ENOSYS): the kernel remembers and stops asking, e.g. for security.capability
    # on every write.
    getxattr = listxattr = setxattr = removexattr = None

    def __init__(self, root, latency):
        self.root = os.path.realpath(root)
        self.latency = latency

    def __call__(self, op, *args):
        if self.latency and op not in ("init", "destroy"):
            time.sleep(self.latency)  # releases the GIL: parallel calls overlap their waits
        try:
            return super().__call__(op, *args)
        except OSError as e:
            raise FuseOSError(e.errno) from e

    def _p(self, path):
        return os.path.join(self.root, path.lstrip("/"))

    # Metadata
    def getattr(self, path, fh=None):
        st = os.fstat(fh) if fh is not None else os.lstat(self._p(path))
        keys = ("st_mode", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime_ns", "st_mtime_ns", "st_ctime_ns")
        return {k.replace("_ns", ""): getattr(st, k) for k in keys}

    def access(self, path, mode):
        if not os.access(self._p(path), mode):
            raise FuseOSError(13)  # EACCES

    def chmod(self, path, mode):
        os.chmod(self._p(path), mode)

    def chown(self, path, uid, gid):
        os.lchown(self._p(path), uid, gid)

    def utimens(self, path, times=None):
        os.utime(self._p(path), ns=times, follow_symlinks=False)

    def truncate(self, path, length, fh=None):
        if fh is not None:
            os.ftruncate(fh, length)
        else:
            os.truncate(self._p(path), length)

    def statfs(self, path):
        sv = os.statvfs(self._p(path))
        return {k: getattr(sv, k) for k in ("f_bavail", "f_bfree", "f_blocks", "f_bsize", "f_favail",
                                             "f_ffree", "f_files", "f_flag", "f_frsize", "f_namemax")}

    # Names
    def readdir(self, path, fh):
        return [".", ".."] + os.listdir(self._p(path))

    def readlink(self, path):
        return os.readlink(self._p(path))

    def mkdir(self, path, mode):
        os.mkdir(self._p(path), mode)

    def rmdir(self, path):
        os.rmdir(self._p(path))

    def unlink(self, path):
        os.unlink(self._p(path))

    def rename(self, old, new):
        os.rename(self._p(old), self._p(new))  # replaces an existing file atomically

    def symlink(self, target, source):
        os.symlink(source, self._p(target))

    def link(self, target, source):
        os.link(self._p(source), self._p(target))

    # Files
    def open(self, path, flags):
        return os.open(self._p(path), flags)

    def create(self, path, mode, fi=None):
        return os.open(self._p(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)

    def read(self, path, size, offset, fh):
        return os.pread(fh, size, offset)

    def write(self, path, data, offset, fh):
        return os.pwrite(fh, data, offset)

    def flush(self, path, fh):
        pass  # close(): the caller waits for this one (release comes after, unwaited)

    def fsync(self, path, datasync, fh):
        (os.fdatasync if datasync else os.fsync)(fh)

    def release(self, path, fh):
        os.close(fh)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("backing")
    ap.add_argument("mountpoint")
    ap.add_argument("--latency-ms", type=float, default=2.0)
    a = ap.parse_args()
    FUSE(SlowPassthrough(a.backing, a.latency_ms / 1000), a.mountpoint, foreground=True, nothreads=False,
         hard_remove=True, big_writes=True, max_write=131072, max_read=131072, fsname="slowfs")


if __name__ == "__main__":
    main()
