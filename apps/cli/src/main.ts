import 'reflect-metadata';
import { loadConfig, StartupError } from '@app/config';
import { runDemo } from './demo';
import { parseThrough } from './timed-year';
import { runCreateAdmin, runMigrate, runSeed } from './commands';
import { runExchange } from './exchange-command';
import { runAuditVerify } from './audit-command';

const USAGE = `Cách dùng: node dist/apps/cli/main.js <lệnh>
  migrate   chạy các migration chưa áp dụng
  seed      nạp dữ liệu danh mục (đơn vị, biểu mẫu, mẫu báo cáo); không tạo tài khoản — chạy lại không sao
  create-admin <tên đăng nhập> ["Họ và tên"]
            tạo quản trị viên đầu tiên với mật khẩu dùng một lần (phải đổi khi đăng nhập lần đầu)
  demo      migrate + seed + tài khoản mẫu và số liệu mẫu + chạy thử một kỳ báo cáo tháng 5/2024 qua API, rồi để API chạy tiếp
            --through 2024-06   chạy tiếp đến hết tháng đó (đến 2024-12): báo cáo tháng, 6 tháng (tháng 6),
                                9 tháng (tháng 9), năm (tháng 12), đã ký
            --through 2025-05   từ tháng 5/2024 sang thẳng năm 2025 (2025-01 … 2025-05), chạy nhanh với số
                                liệu mẫu; sắp xếp các sở từ 01/3/2025 qua API; báo cáo tháng cuối đã ký
  exchange <YYYY-MM> [tệp]
            tài liệu trao đổi số liệu đã duyệt của kỳ (JSON, config/exchange/period-figures.v1.schema.json)
  audit-verify
            kiểm tra chuỗi hash của nhật ký kiểm toán (mã thoát 1 nếu có dòng bị sửa, xóa hoặc chèn)`;

async function main(): Promise<void> {
  const command = process.argv[2];
  switch (command) {
    case 'migrate':
      return runMigrate(loadConfig(undefined, ['DATABASE_URL']));
    case 'seed':
      return runSeed(loadConfig(undefined, ['DATABASE_URL']));
    case 'create-admin':
      return runCreateAdmin(loadConfig(undefined, ['DATABASE_URL']), process.argv[3], process.argv[4]);
    case 'demo':
      return runDemo(loadConfig(), parseThrough(process.argv.slice(3)));
    case 'audit-verify':
      return runAuditVerify(loadConfig());
    case 'exchange':
      return runExchange(loadConfig(undefined, ['DATABASE_URL']), process.argv[3], process.argv[4]);
    default:
      console.log(USAGE);
      process.exitCode = command ? 2 : 0;
  }
}

main().catch((error: unknown) => {
  // a StartupError says all a user needs; anything else is a bug, and its stack helps
  console.error(error instanceof StartupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
