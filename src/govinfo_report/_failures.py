"""Failures in words: the one message for an error met on an input, for every batch.

The command line (each command, ``validate``'s batches) and :mod:`govinfo_report.batch`
describe what went wrong with a file the same way.
"""

from __future__ import annotations

import errno
import os

from govinfo_report.errors import GovinfoReportError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (start-up time)
if TYPE_CHECKING:
    from pathlib import Path

    from govinfo_report.findings import Lang


def describe_error(exc: BaseException, path: Path | None = None, lang: Lang = "en") -> str:
    """A message for an error met while working on ``path`` (the input, if any), in
    English (``"en"``) or Chinese (``"zh"``; English where the error has no Chinese)."""
    zh = lang != "en"
    if isinstance(exc, MemoryError):  # its message is usually empty
        detail = f" ({exc})" if str(exc) else ""
        if zh:
            where = f"处理 {path} 时" if path is not None else ""
            return f"{where}内存不足{detail}；输入太大或太复杂"
        where = f" while processing {path}" if path is not None else ""
        return f"out of memory{where}{detail}; the input is too large or too complex"
    if isinstance(exc, OSError) and not isinstance(exc, GovinfoReportError):
        reason = os_reason(exc, lang)
        if zh:
            return f"无法访问{f' {exc.filename}' if exc.filename else ''}：{reason}"
        return f"cannot access{f' {exc.filename}' if exc.filename else ''}: {reason}"
    if isinstance(exc, GovinfoReportError):
        return exc.message(lang)
    return str(exc) or type(exc).__name__


_ERRNO_ZH = {
    errno.ENOENT: "没有这个文件或文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "不允许这样操作",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "文件系统是只读的",
    errno.ENAMETOOLONG: "文件名太长",
    errno.ELOOP: "符号链接层数太多",
    errno.EIO: "输入输出错误",
    errno.EBUSY: "设备或资源忙",
    errno.ETXTBSY: "文件正被使用",
    errno.EEXIST: "文件已存在",
    errno.EXDEV: "不能跨文件系统移动",
    errno.EMFILE: "打开的文件太多",
}
"""The system's reasons in Chinese, by error number; another says the system's words."""


def os_reason(exc: OSError, lang: Lang = "en") -> str:
    """Why the system refused (``exc.strerror``: "Permission denied"), in English or,
    for the common reasons, in Chinese."""
    if lang != "en":
        said = getattr(exc, "zh", None)  # ours: NotARegularFileError
        if isinstance(said, str):
            return said
        # Only the system's own words: a strerror of ours (OSError(ENOENT, "…")) is kept.
        if exc.errno in _ERRNO_ZH and exc.strerror == os.strerror(exc.errno):
            return _ERRNO_ZH[exc.errno]
    return exc.strerror or str(exc)


def reason_zh(reason: str) -> str:
    """A system's reason as worded in English (``os.strerror``'s, or "it is a FIFO, not
    a regular file" of :mod:`._input`) in Chinese; kept as is where unknown."""
    for number, said in _ERRNO_ZH.items():
        if reason == os.strerror(number):
            return said
    from govinfo_report._input import refusal_zh

    return refusal_zh(reason) or reason


def exception_name(exc: BaseException) -> str:
    """``Type: message``, or the type alone when the message is empty."""
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


__all__ = ["describe_error", "exception_name", "os_reason", "reason_zh"]
