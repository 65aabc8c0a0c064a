"""The python-telegram-bot runtime: the same front and client logic as the aiogram one, carried out with PTB."""
