import asyncio


async def main():
    return 1

print(asyncio.run(main()))
