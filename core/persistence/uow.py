"""The unit of work: one transaction per service call, and the only place that commits or rolls back."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.crypto import Vault


class UnitOfWork:
    """``async with uow:`` opens a session; ``await uow.commit()`` makes it stick; anything else rolls back."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], vault: Vault) -> None:
        self._sessions = sessions
        self.vault = vault
        self._session: AsyncSession | None = None

    @property
    def session(self) -> AsyncSession:
        if self._session is None:
            raise RuntimeError("unit of work used outside 'async with'")
        return self._session

    async def __aenter__(self) -> Self:
        self._session = self._sessions()
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        session = self.session
        try:
            if exc_type is None:
                # Detach what was read so it stays readable after the block (a rollback would expire it).
                session.expunge_all()
            await session.rollback()  # no-op after a commit; undoes anything uncommitted
        finally:
            await session.close()
            self._session = None

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()


class UnitOfWorkFactory:
    """Makes a fresh unit of work per call; services hold one of these."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], vault: Vault) -> None:
        self.sessions = sessions
        self.vault = vault

    def __call__(self) -> UnitOfWork:
        return UnitOfWork(self.sessions, self.vault)
