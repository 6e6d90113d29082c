import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { runDemo } from './demo';
import { runMigrate, runSeed } from './commands';
import { runExchange } from './exchange-command';

const USAGE = `Cách dùng: node dist/apps/cli/main.js <lệnh>
  migrate   chạy các migration chưa áp dụng
  seed      nạp dữ liệu mẫu Lạng Sơn (đơn vị, tài khoản, biểu mẫu, kế hoạch, lịch sử) — chạy lại không sao
  demo      migrate + seed + chạy thử một kỳ báo cáo tháng 5/2024 qua API, rồi để API chạy tiếp
  exchange <YYYY-MM> [tệp]
            tài liệu trao đổi số liệu đã duyệt của kỳ (JSON, config/exchange/period-figures.v1.schema.json)`;

async function main(): Promise<void> {
  const command = process.argv[2];
  switch (command) {
    case 'migrate':
      return runMigrate(loadConfig());
    case 'seed':
      return runSeed(loadConfig());
    case 'demo':
      return runDemo(loadConfig());
    case 'exchange':
      return runExchange(loadConfig(), process.argv[3], process.argv[4]);
    default:
      console.log(USAGE);
      process.exitCode = command ? 2 : 0;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
